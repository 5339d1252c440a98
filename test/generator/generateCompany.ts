import { Schema } from "effect"
import { addBackground, type HistoryVolume } from "./Background.ts"
import type { Company } from "./Company.ts"
import { CompanyDraft } from "./CompanyDraft.ts"
import { finalize } from "./Finalize.ts"
import { Prng } from "./Prng.ts"
import { defaultRates, plantCount, recipes, trapKinds, type Rates, type Recipe, type TrapKind } from "./Rates.ts"
import { pomMerge, qboMerge, scenario2 } from "./recipes/MergeRecipes.ts"
import type { CaseDraft, TrapDraft } from "./recipes/Planted.ts"
import { keeperUnclear, openBalance, paidInvoice, threeAccounts } from "./recipes/ReviewRecipes.ts"
import { brokenLink, swap, unlinked, wrongLink } from "./recipes/Scenario1Recipes.ts"
import { commonName, multiProperty, neighbours, relatives, relativesNextDoor } from "./recipes/Traps.ts"

export interface GenerateOptions {
  readonly seed: number
  /** POM accounts to make (QBO ends up with about as many customers). */
  readonly customers: number
  /** The export date, "YYYY-MM-DD"; history and invoices end here. Default "2026-11-01". */
  readonly today?: string
  readonly rates?: Partial<Rates>
  /** History of each active ordinary customer (planted cases keep theirs); default a few items each. */
  readonly history?: HistoryVolume
}

export class GeneratorOptionsError extends Schema.TaggedError<GeneratorOptionsError>()("GeneratorOptionsError", {
  option: Schema.String,
  value: Schema.String,
  expected: Schema.String
}) {
  override get message(): string {
    return `generator option ${this.option} is ${this.value}: expected ${this.expected}`
  }
}

const makeCase: Readonly<Record<Recipe, (d: CompanyDraft) => CaseDraft>> = {
  "scenario-1/swap": swap,
  "scenario-1/wrong-link": wrongLink,
  "scenario-1/broken-link": brokenLink,
  "scenario-1/unlinked": unlinked,
  "scenario-2": scenario2,
  "pom-merge": pomMerge,
  "qbo-merge": qboMerge,
  "review/paid-invoice": paidInvoice,
  "review/open-balance": openBalance,
  "review/keeper-unclear": keeperUnclear,
  "review/three-accounts": threeAccounts
}

const makeTrap: Readonly<Record<TrapKind, (d: CompanyDraft) => TrapDraft>> = {
  "multi-property": multiProperty,
  neighbours,
  relatives,
  "common-name": commonName,
  "relatives-next-door": relativesNextDoor
}

const parseToday = (today: string): number => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
  const ms = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== today) {
    throw new GeneratorOptionsError({ option: "today", value: today, expected: "a date as YYYY-MM-DD" })
  }
  return ms
}

/**
 * A pool-service company's POM export and QBO data with known duplicate cases and look-alike traps planted in
 * ordinary customers. The same options always give the same company.
 *
 * @throws GeneratorOptionsError for a negative or fractional size or seed, or a malformed `today`.
 */
export const generateCompany = (options: GenerateOptions): Company => {
  const { seed, customers } = options
  if (!Number.isSafeInteger(seed)) {
    throw new GeneratorOptionsError({ option: "seed", value: String(seed), expected: "an integer" })
  }
  if (!Number.isSafeInteger(customers) || customers < 0) {
    throw new GeneratorOptionsError({ option: "customers", value: String(customers), expected: "a whole number ≥ 0" })
  }
  const today = options.today ?? "2026-11-01"
  const d = new CompanyDraft(new Prng(seed), parseToday(today))
  const rates: Rates = { ...defaultRates, ...options.rates }

  const cases: Array<CaseDraft> = []
  for (const recipe of recipes) {
    for (let i = plantCount(customers, rates[recipe]); i > 0; i--) cases.push(makeCase[recipe](d))
  }
  const traps: Array<TrapDraft> = []
  for (const kind of trapKinds) {
    for (let i = plantCount(customers, rates[kind]); i > 0; i--) traps.push(makeTrap[kind](d))
  }
  for (const [name, count] of Object.entries(options.history ?? {})) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new GeneratorOptionsError({ option: name, value: String(count), expected: "a whole number ≥ 0" })
    }
  }
  addBackground(d, Math.max(0, customers - d.pom.length), options.history)
  return finalize(d, cases, traps, { seed, customers, today })
}
