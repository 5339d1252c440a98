/** Every injected case recipe, by the name the truth file gives it. */
export const recipes = [
  "scenario-1/swap",
  "scenario-1/wrong-link",
  "scenario-1/broken-link",
  "scenario-1/unlinked",
  "scenario-2",
  "pom-merge",
  "qbo-merge",
  "review/paid-invoice",
  "review/open-balance",
  "review/keeper-unclear",
  "review/three-accounts"
] as const
export type Recipe = (typeof recipes)[number]

/** Look-alikes that are not duplicates: the pipeline must leave them alone. */
export const trapKinds = ["multi-property", "neighbours", "relatives", "common-name", "relatives-next-door"] as const
export type TrapKind = (typeof trapKinds)[number]

/** How many of each recipe and trap to plant, per 1,000 customers. */
export type Rates = Readonly<Record<Recipe | TrapKind, number>>

export const defaultRates: Rates = {
  "scenario-1/swap": 3,
  "scenario-1/wrong-link": 2,
  "scenario-1/broken-link": 2,
  "scenario-1/unlinked": 3,
  "scenario-2": 4,
  "pom-merge": 5,
  "qbo-merge": 4,
  "review/paid-invoice": 1,
  "review/open-balance": 1,
  "review/keeper-unclear": 1,
  "review/three-accounts": 1,
  "multi-property": 8,
  neighbours: 10,
  relatives: 6,
  "common-name": 6,
  "relatives-next-door": 6
}

/**
 * How many to plant at this size. From 500 customers up, every recipe and trap with a non-zero rate appears at
 * least once, so a small demo still shows each kind.
 */
export const plantCount = (customers: number, rate: number): number => {
  if (rate <= 0) return 0
  const n = Math.round((rate * customers) / 1000)
  return customers >= 500 ? Math.max(1, n) : n
}
