import { directionals, streetSuffixes } from "../normalize/uspsAbbreviations.ts"

const suffixes: ReadonlySet<string> = new Set(streetSuffixes.values())
const directions: ReadonlySet<string> = new Set(directionals.values())

/**
 * A normalised street name without its suffix and directionals ("n main st" → "main"): the part people always
 * type, so that "12 Main St" and "12 Main" share a key. A street that is nothing but such words keeps them all.
 */
export const streetCore = (streetName: string): string => {
  const words = streetName.split(" ")
  const core = words.filter((w, i) => !directions.has(w) && !(i > 0 && suffixes.has(w)))
  return core.length === 0 ? streetName : core.join(" ")
}
