import type { PostalAddress } from "../pipeline/domain/PomRecords.ts"

/** Gives the one string kept for each distinct text it is handed. */
export interface TextInterner {
  readonly text: (s: string) => string
  readonly address: (a: PostalAddress) => PostalAddress
}

/**
 * One string for each distinct value of the fields customers share most: first and last names, towns, states,
 * postcodes. Read from a file every cell is a string of its own, and a run holds its customers to the end: at a
 * million a side, that is millions of copies of "Springfield" and "CA". Made for one read, so that the table of
 * values goes when the read is done. Streets are left as read: nearly every one is different.
 */
export const textInterner = (): TextInterner => {
  const kept = new Map<string, string>()
  const text = (s: string): string => {
    if (s === "") return s
    const known = kept.get(s)
    if (known !== undefined) return known
    kept.set(s, s)
    return s
  }
  return {
    text,
    address: (a) => ({ street: a.street, city: text(a.city), state: text(a.state), zip: text(a.zip) })
  }
}
