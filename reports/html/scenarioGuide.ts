import type { Scenario } from "../../pipeline/domain/Scenario.ts"

export interface ScenarioGuide {
  /** A short name for badges and headings. */
  readonly title: string
  /** What the fix does, in the words of POM's help article on merging customers. */
  readonly explanation: string
}

// A Record over the closed union, so a new scenario is a compile error here rather than a page without words.
export const scenarioGuide: Readonly<Record<Scenario, ScenarioGuide>> = {
  review: {
    title: "Needs a decision",
    explanation:
      "A person must decide. The tool found something it should not fix on its own (a paid invoice, closed books, " +
      "an open balance, an unclear choice); the red box on each case says what, and what to do about it."
  },
  "scenario-1": {
    title: "Relink only",
    explanation:
      "Only the QBO ID in POM changes; no invoice moves. This is example 1 of POM's help article: one account has " +
      "the POM history, the other the right QuickBooks customer, so the QBO IDs are switched and the spare " +
      "accounts set to inactive."
  },
  "scenario-2": {
    title: "Move invoices, then relink",
    explanation:
      "First move invoices in QuickBooks from the wrong customer to the right one, then fix the QBO ID in POM. " +
      "This is example 2 of POM's help article."
  },
  "pom-merge": {
    title: "Merge POM accounts",
    explanation:
      "The QBO ID is already right. Move the appointments and services of the duplicate POM account to the account " +
      "we keep, then set the duplicate to inactive."
  },
  "qbo-merge": {
    title: "Merge QBO customers",
    explanation:
      "No QBO ID changes in POM. Move the invoices of a duplicate QuickBooks customer to the correct one, then make " +
      "the duplicate inactive."
  }
}

/** The order the summary explains scenarios in: the article's two examples first, what needs a person last. */
export const scenarioOrder: ReadonlyArray<Scenario> = ["scenario-1", "scenario-2", "pom-merge", "qbo-merge", "review"]
