import type { FieldName } from "../prepare/FieldName.ts"

/**
 * One part of a blocking key: each value of the fields (several fields pool their values, so a name token
 * matches whether it was typed as a first or a last name), as is, by its sound (Double Metaphone), by its first
 * letter, for an email by its mailbox name (before the "@") or its domain (after it), for a street by its core
 * (without suffix and directionals, see `streetCore.ts`), or by its first four letters (see `namePrefix.ts`).
 */
export interface KeyPart {
  readonly fields: ReadonlyArray<FieldName>
  readonly transform: "value" | "sound" | "initial" | "mailbox" | "domain" | "street core" | "prefix"
}

/**
 * Records that share a key under some rule become candidate pairs; all other pairs are never scored. Rules are
 * unioned, so a true pair needs to survive only one of them.
 */
export interface BlockingRule {
  readonly name: string
  /** The key is every combination of the parts' values (a record with two phones has two phone keys). */
  readonly parts: ReadonlyArray<KeyPart>
  /**
   * A block holding more records than this is skipped and reported: a key shared by that many records (an
   * office phone typed on every account, a surname common in one ZIP) says little, and its pairs grow
   * quadratically. This cap is what keeps candidate pairs linear in the number of records.
   */
  readonly maxBlockSize: number
  /**
   * At most this many pairs per record from this rule (but never fewer than `MIN_PAIR_BUDGET` in all): when the
   * blocks would give more, the largest are skipped (and reported) until they fit. A rule on names and a town
   * suits a few thousand records and floods a hundred thousand; this keeps every rule linear in the data
   * whatever its distribution.
   */
  readonly maxPairsPerRecord: number
  /**
   * A block over `maxBlockSize` is split by this further part instead of skipped (see `splitOversized.ts`): the
   * records of a common name that also share a town are still compared.
   */
  readonly subKey?: KeyPart
  /**
   * Extra pairs per record that only its name can find (no phone, email, street or ZIP), added to the budget:
   * such a record has no other rule to fall back on, and a person typed twenty times under a common name needs
   * its twenty blocks kept. Data with contacts and addresses keeps the budget above.
   */
  readonly pairsPerNameOnlyRecord?: number
  /** The parts' order does not matter: "first+last" also pairs a record whose first and last names were swapped. */
  readonly unordered?: boolean
  /**
   * A sorted-neighbourhood rule (see `sortedNeighbours.ts`): records are sorted by the parts' texts joined, and
   * each is paired with this many records after it, within the rule's budget, instead of with those of equal key.
   * `maxBlockSize`, `subKey` and `unordered` do not apply.
   */
  readonly window?: number
  /**
   * A nearest-neighbour rule (see `NearestNeighbours`): `maxBlockSize` bounds a letter triple's records; `subKey`
   * and `unordered` do not apply.
   */
  readonly nearest?: NearestNeighbours
}

/**
 * Records that lack a name are paired with the records nearest them by their names' rare letter triples (see
 * `nearestByLetters.ts`), the rule's parts pooled (a name typed as the first name on one side and as the last on
 * the other, or only as the mailbox, still counts): no key can hold a slip in a name's first letters ("Oievr",
 * "Oliver") and a missing other name at once, and a record with one name has few keys to be found by.
 */
export interface NearestNeighbours {
  /** Records lacking any of these fields look for neighbours. */
  readonly lacking: ReadonlyArray<FieldName>
  /** ... unless they hold one of these: a business's record lacks a person's name by nature, not by a slip. */
  readonly unless: ReadonlyArray<FieldName>
  /** Neighbours per such record, while the rule's budget lasts. */
  readonly neighbours: number
  /** Its triples order records that share a name's triple, and pair no others (the town: many share it). */
  readonly ranked: KeyPart
}

/** See `pairsPerNameOnlyRecord`: measured on the crowded name-only set (README, "Matching"). */
const NAME_ONLY_PAIRS = 8

const value = (...fields: ReadonlyArray<FieldName>): KeyPart => ({ fields, transform: "value" })
const sound = (...fields: ReadonlyArray<FieldName>): KeyPart => ({ fields, transform: "sound" })
const initial = (...fields: ReadonlyArray<FieldName>): KeyPart => ({ fields, transform: "initial" })
const mailbox: KeyPart = { fields: ["email"], transform: "mailbox" }
const domain: KeyPart = { fields: ["email"], transform: "domain" }
const streetCore: KeyPart = { fields: ["street"], transform: "street core" }
const namePrefix: KeyPart = { fields: ["firstName", "lastName", "email"], transform: "prefix" }

const rule = (
  name: string,
  parts: ReadonlyArray<KeyPart>,
  options: Partial<Pick<BlockingRule, "unordered" | "maxPairsPerRecord" | "subKey" | "pairsPerNameOnlyRecord" | "window" | "nearest">> = {}
): BlockingRule => ({ name, parts, maxBlockSize: 100, maxPairsPerRecord: 1, ...options })

/** Rules on a name and a place, or on names alone, propose mostly non-matches once the data is large. */
const broad = { maxPairsPerRecord: 0.5 }

/** Name rules: the only ones a record with nothing but a name can be found by. */
const names = (subKey: KeyPart) => ({ ...broad, subKey, pairsPerNameOnlyRecord: NAME_ONLY_PAIRS })

/**
 * A rule only for records with nothing but a name: it keeps the pairs any list may have (`MIN_PAIR_BUDGET`) and
 * what those records add, so a list with contacts and addresses, where the other rules find its duplicates, spends
 * little on it.
 */
const nameOnly = { maxPairsPerRecord: 0, pairsPerNameOnlyRecord: NAME_ONLY_PAIRS }

/**
 * See `window`: each record meets its nearest few in the order while the budget lasts. The budget is a little
 * under a broad rule's, plus what name-only records add: on a list with contacts and addresses the other rules
 * find nearly all, and a full window there doubled the pairs to score. The part under a broad rule's pays for the
 * name or mailbox prefix rule's pairs on such a list, so that the pairs to score do not grow there.
 */
const SORTED_WINDOW = 3
const SORTED_PAIRS = 0.45
/** See `NearestNeighbours`: measured on Splink's fake_1000 (README, "Matching"). */
const NEAREST = 5

const sorted = { maxPairsPerRecord: SORTED_PAIRS, window: SORTED_WINDOW, pairsPerNameOnlyRecord: SORTED_WINDOW }

/**
 * Contact rules catch the duplicates typed with the same phone or email; the address rules those at one property;
 * the name rules those whose contact details and house number differ or are missing (typos, swapped names). The
 * name rules were added for the misses the others left on Febrl and Splink's fake_1000 (see the README numbers).
 */
export const defaultBlockingRules: ReadonlyArray<BlockingRule> = [
  rule("phone", [value("phone")]),
  rule("email", [value("email")]),
  rule("email mailbox", [mailbox]),
  // A small organisation's or ISP's domain: an address typed with a slip in its mailbox name is still compared.
  // Public domains hold far more records than a block may and are skipped.
  rule("email domain", [domain], broad),
  rule("company name", [value("companyName")]),
  rule("zip+house number", [value("zip"), value("houseNumber")]),
  // On the street's core: a suffix or directional typed on one side only ("12 Main St", "12 Main") still pairs.
  rule("house number+street", [value("houseNumber"), streetCore]),
  rule("house number+city", [value("houseNumber"), value("city")], broad),
  rule("street+zip", [value("street"), value("zip")]),
  rule("first+last name sound", [sound("firstName"), sound("lastName")], { unordered: true, ...names(value("city")) }),
  rule("last name sound+zip", [sound("lastName"), value("zip")], names(initial("firstName"))),
  rule("last name sound+city", [sound("lastName"), value("city")], names(initial("firstName"))),
  rule("first name sound+zip", [sound("firstName"), value("zip")], names(initial("lastName"))),
  rule("first name sound+city", [sound("firstName"), value("city")], names(initial("lastName"))),
  // Any one name's sound pairs mostly namesakes on a list of names alone: it gets no more there than elsewhere.
  rule("name token sound", [sound("firstName", "lastName")], { ...broad, subKey: value("city") }),
  // A person typed with a slip or a nickname in the first name and without their town on one side.
  rule("last name sound+first initial", [sound("lastName"), initial("firstName")], { ...nameOnly, subKey: value("city") }),
  // A person typed with a slip or a nickname in both names (Jimmy Jonson, James Johnson) in their town; unordered,
  // so with the names swapped too.
  rule("initials+city", [initial("firstName"), initial("lastName"), value("city")], { unordered: true, ...nameOnly }),
  // A slip that changes a name's sound mostly leaves its start ("Elzizabeth" ALSSP0, "Elizabeth" ALSP0), and a
  // record with one name or none often has the other's name as its mailbox ("Holly" and hollythomson3@...): any
  // name's or the mailbox's first four letters meet. Lists with contacts pay for it from the sorted passes' budget
  // (`SORTED_PAIRS`); on a list of names alone a prefix ("jame", "smit") pairs mostly namesakes, so it adds little.
  rule("name or mailbox prefix", [namePrefix], { maxPairsPerRecord: 0, pairsPerNameOnlyRecord: 1 }),
  // A record lacking a name, with a slip in the other's first letters or its name only in the mailbox: no key
  // holds it. Its nearest few by rare letter triples; a business's record lacks a person's name by nature.
  rule("nearest by name letters", [value("firstName", "lastName"), mailbox], {
    maxPairsPerRecord: 0,
    nearest: { lacking: ["firstName", "lastName"], unless: ["companyName"], neighbours: NEAREST, ranked: value("city") }
  }),
  rule("sorted last name sound+first name", [sound("lastName"), value("firstName"), value("city")], sorted),
  rule("sorted first+last name", [value("firstName"), value("lastName"), value("city")], sorted)
]
