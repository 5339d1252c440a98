/**
 * Which first names can stand for the same person ("robert" ~ "bob", "bob" ~ "rob"). Built from
 * `matchers/data/nicknames.csv` (`name1,has_nickname,name2`). Only names the table links directly, in either
 * direction, are equivalent: going through a shared name would join unrelated names, since the table also lists
 * ambiguous short forms as names of their own ("bill" has the nicknames "robert" and "william").
 */
export interface NicknameTable {
  /** The names linked to `name` directly, sorted. */
  readonly nicknamesOf: (name: string) => ReadonlyArray<string>
  readonly areEquivalent: (a: string, b: string) => boolean
  /** Names in the table. */
  readonly size: number
}

const none: ReadonlyArray<string> = []

/** Parses the nickname table; lines that are not `name,has_nickname,name` are skipped (the header included). */
export const parseNicknameTable = (text: string): NicknameTable => {
  const links = new Map<string, Set<string>>()
  const link = (a: string, b: string): void => {
    const existing = links.get(a)
    if (existing) existing.add(b)
    else links.set(a, new Set([b]))
  }
  for (const line of text.split(/\r?\n/)) {
    const [formal, relation, nickname] = line.split(",").map((cell) => cell.trim().toLowerCase())
    if (formal === undefined || nickname === undefined || relation !== "has_nickname") continue
    if (formal === "" || nickname === "" || formal === nickname) continue
    link(formal, nickname)
    link(nickname, formal)
  }
  const sorted = new Map<string, ReadonlyArray<string>>()
  for (const [name, set] of links) sorted.set(name, [...set].sort())
  return {
    nicknamesOf: (name) => sorted.get(name) ?? none,
    areEquivalent: (a, b) => a === b || links.get(a)?.has(b) === true,
    size: sorted.size
  }
}

export const emptyNicknameTable: NicknameTable = parseNicknameTable("")
