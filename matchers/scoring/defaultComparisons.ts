import type { Comparison, ComparisonLevel } from "./Comparison.ts"

const level = (
  label: string,
  test: ComparisonLevel["test"],
  m: number,
  u: number,
  termFrequency: NonNullable<ComparisonLevel["termFrequency"]> = false
): ComparisonLevel => (termFrequency === false ? { label, test, m, u } : { label, test, m, u, termFrequency })

const exact = { _tag: "Exact" } as const
const otherwise = { _tag: "Else" } as const
const jw = (atLeast: number) => ({ _tag: "JaroWinkler", atLeast }) as const
const numbered = (atLeast: number) => ({ _tag: "JaroWinkler", atLeast, sameNumbers: true }) as const
const edits = (atMost: number) => ({ _tag: "EditDistance", atMost }) as const

/**
 * The comparisons the matcher scores, one per field. The m and u here are only starting points: u is measured on
 * random record pairs and m is fitted by EM on every run; they matter alone for a data set too small to measure.
 */
export const defaultComparisons: ReadonlyArray<Comparison> = [
  {
    field: "firstName",
    levels: [
      level("exact", exact, 0.8, 0.01, true),
      level("nickname", { _tag: "Nickname" }, 0.04, 0.002),
      level("initial", { _tag: "Initial" }, 0.02, 0.004),
      level("crosses a last name", { _tag: "Swapped", other: "lastName", both: false }, 0.01, 0.0005),
      level("JW", jw(0.92), 0.08, 0.005),
      level("JW", jw(0.8), 0.04, 0.05),
      level("differs", otherwise, 0.03, 0.93)
    ]
  },
  {
    field: "lastName",
    levels: [
      level("exact", exact, 0.85, 0.002, true),
      level("swapped with first name", { _tag: "Swapped", other: "firstName", both: true }, 0.01, 0.0001),
      level("JW", jw(0.92), 0.08, 0.003),
      level("JW", jw(0.8), 0.03, 0.05),
      level("differs", otherwise, 0.03, 0.94)
    ]
  },
  {
    field: "companyName",
    levels: [
      level("exact", exact, 0.85, 0.001, true),
      level("names its own words differently", { _tag: "OwnWordsDiffer", below: 0.8 }, 0.005, 0.3),
      level("JW", jw(0.92), 0.08, 0.002),
      level("JW", jw(0.8), 0.03, 0.02),
      level("differs", otherwise, 0.035, 0.677)
    ]
  },
  {
    field: "email",
    levels: [
      level("exact", exact, 0.85, 0.00001, "common values only"),
      level("same mailbox name", { _tag: "SameLocalPart" }, 0.03, 0.0001),
      level("one or two characters off", { _tag: "EditDistance", atMost: 2, notBuiltFrom: ["firstName", "lastName"] }, 0.04, 0.0001),
      level("differs", otherwise, 0.08, 0.999)
    ]
  },
  {
    field: "phone",
    levels: [
      level("exact", exact, 0.85, 0.00001, "common values only"),
      level("same last 7 digits", { _tag: "SameEnding", length: 7 }, 0.03, 0.0001),
      level("one digit off", edits(1), 0.04, 0.0001),
      level("differs", otherwise, 0.08, 0.9998)
    ]
  },
  {
    field: "houseNumber",
    levels: [level("exact", exact, 0.9, 0.02), level("one character off", edits(1), 0.05, 0.1), level("differs", otherwise, 0.05, 0.88)]
  },
  {
    field: "street",
    levels: [
      level("exact", exact, 0.85, 0.01, true),
      level("JW", numbered(0.92), 0.08, 0.005),
      level("JW", numbered(0.8), 0.03, 0.05),
      level("differs", otherwise, 0.04, 0.935)
    ]
  },
  { field: "unit", levels: [level("exact", exact, 0.9, 0.1), level("differs", otherwise, 0.1, 0.9)] },
  {
    field: "city",
    levels: [
      level("exact", exact, 0.85, 0.05, true),
      level("JW", jw(0.9), 0.08, 0.01),
      level("JW", jw(0.8), 0.03, 0.03),
      level("differs", otherwise, 0.04, 0.91)
    ]
  },
  { field: "state", levels: [level("exact", exact, 0.95, 0.3), level("differs", otherwise, 0.05, 0.7)] },
  {
    field: "zip",
    levels: [level("exact", exact, 0.9, 0.01), level("one digit off", edits(1), 0.05, 0.05), level("differs", otherwise, 0.05, 0.94)]
  }
]
