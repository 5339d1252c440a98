import type { FieldName } from "../prepare/FieldName.ts"

/**
 * How one field of two records is compared: an ordered list of levels, the first whose test passes wins. A pair
 * where either record lacks the field sits at the implicit "missing" level (index 0), which weighs nothing.
 * Splink and dedupe keep comparisons as data like this so every score can be explained level by level.
 */
export type LevelTest =
  /** Some value of one record equals some value of the other. */
  | { readonly _tag: "Exact" }
  /** First names that one nickname table group joins ("bob" ~ "robert"). */
  | { readonly _tag: "Nickname" }
  /**
   * One record's name is a single letter that begins a name of the other ("J" and "John"): an initial, which
   * neither agrees nor disagrees as a whole name would.
   */
  | { readonly _tag: "Initial" }
  /**
   * Values cross with the `other` field: this field of one record equals `other` of the second. With `both`,
   * the crossing must hold both ways (first and last name swapped outright), so that a full swap and a single
   * shared word are told apart and one crossing is not counted by two comparisons.
   */
  | { readonly _tag: "Swapped"; readonly other: FieldName; readonly both: boolean }
  /**
   * Jaro-Winkler similarity at least `atLeast`. With `sameNumbers`, only between values holding the same numbers:
   * "52nd St" and "62nd St" are two streets, however alike their spelling.
   */
  | { readonly _tag: "JaroWinkler"; readonly atLeast: number; readonly sameNumbers?: boolean }
  /**
   * At most `atMost` edits apart. With `notBuiltFrom`, two different mailbox names at one domain that differ only
   * around the names the two records share in those fields make the field weigh nothing, as if missing: each
   * shared name (of three letters or more) is spelled intact in both mailbox names or in neither, and at least one
   * is in both ("ericturner71" and "ericturner69", "areynolds" and "reynoldsa", "teresa.martin" and
   * "teresamartin", "eric71" and "eric17"). They fit two people of one name choosing addresses as well as one
   * address mistyped, so they count neither as a typo (whose weight assumes an email is independent of the names)
   * nor as a difference. A typo that garbles a name leaves it in one mailbox name only, and still counts.
   */
  | { readonly _tag: "EditDistance"; readonly atMost: number; readonly notBuiltFrom?: ReadonlyArray<FieldName> }
  /** The last `length` characters agree: a phone typed with and without its area code. */
  | { readonly _tag: "SameEnding"; readonly length: number }
  /** Email addresses with one mailbox name at different providers. */
  | { readonly _tag: "SameLocalPart" }
  /**
   * Business names that each have words of their own, unlike the other's (Jaro-Winkler of those words below
   * `below`), leaving out shared words and words that only say what kind of organisation it is: "Johnson Realty
   * Group" and "Jackson Realty Group" name two firms, though the whole names are as alike as a typo. A name whose
   * own words are all of that kind (or none) passes no judgement: "Acme Pools" and "Acme Pool Service".
   */
  | { readonly _tag: "OwnWordsDiffer"; readonly below: number }
  | { readonly _tag: "Else" }

export interface ComparisonLevel {
  readonly label: string
  readonly test: LevelTest
  /** P(level | same customer) to start EM from; also the value EM is pulled towards when pairs are few. */
  readonly m: number
  /** P(level | different customers) to fall back on when there are too few records to estimate it. */
  readonly u: number
  /**
   * Weigh an exact agreement by how rare the shared value is (a shared "Zbikowski" says more than "Smith").
   * `"common values only"` only ever weakens it: a phone or e-mail is expected to be one household's, so its
   * being rare says nothing more, while one held by many records (a main line on every site of an organisation)
   * says little.
   */
  readonly termFrequency?: boolean | "common values only"
}

export interface Comparison {
  readonly field: FieldName
  /** The last level's test must be `Else`. */
  readonly levels: ReadonlyArray<ComparisonLevel>
}

/** The label of level `index` of a comparison, index 0 being "missing". */
export const levelLabel = (c: Comparison, index: number): string =>
  index === 0 ? "missing" : (c.levels[index - 1]?.label ?? "unknown")
