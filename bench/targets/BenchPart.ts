import { Either, Schema } from "effect"
import type { HistoryVolume } from "../../test/generator/Background.ts"

/*
 * The measurements `npm run bench` can take, one per speed or memory target. Each is a separate process, so a person
 * can run the cheap ones on a busy machine and leave the long ones (1M customers, the full live pull) for a quiet one.
 */

/** A pool company's real history: weekly service, monthly invoices, per active customer. */
export const heavyHistory: HistoryVolume = { appointments: 35, services: 30, invoices: 14 }

/** "5 history rows each" for the million-customer company: two appointments, two services and one invoice. */
export const lightHistory: HistoryVolume = { appointments: 2, services: 2, invoices: 1 }

export interface OfflinePart {
  readonly _tag: "offline"
  readonly id: string
  readonly label: string
  readonly customers: number
  /** Undefined: the generator's own few items per customer, as today's benchmark companies have. */
  readonly history: HistoryVolume | undefined
  readonly maxWallSeconds: number | null
  readonly maxRssBytes: number | null
}

export interface HelpPart {
  readonly _tag: "help"
  readonly id: string
  readonly label: string
  readonly maxSeconds: number
}

export interface QboPullPart {
  readonly _tag: "qbo-pull"
  readonly id: string
  readonly label: string
  readonly customers: number
  readonly invoices: number
  /** The POM side, read from an export while QBO is pulled: a generated company's, this many customers and history. */
  readonly pomExport: { readonly customers: number; readonly history: HistoryVolume }
  readonly minShareOfCeiling: number
  readonly maxRssBytes: number
}

export type BenchPart = OfflinePart | HelpPart | QboPullPart

/**
 * Every part, in the order they run and print: the quick ones first, so a stopped run has shown something. The
 * target "10k per side ≤ 5 s" is held to both 10k runs, with and without a pool company's history.
 */
export const benchParts: ReadonlyArray<BenchPart> = [
  { _tag: "help", id: "help", label: "reconcile --help, from the bundle", maxSeconds: 0.5 },
  { _tag: "offline", id: "offline-10k", label: "offline run, 10k per side", customers: 10_000, history: undefined, maxWallSeconds: 5, maxRssBytes: null },
  { _tag: "offline", id: "offline-10k-heavy", label: "offline run, 10k per side, heavy history", customers: 10_000, history: heavyHistory, maxWallSeconds: 5, maxRssBytes: null },
  { _tag: "offline", id: "offline-100k-heavy", label: "offline run, 100k per side, heavy history", customers: 100_000, history: heavyHistory, maxWallSeconds: 60, maxRssBytes: 2e9 },
  { _tag: "offline", id: "offline-1m", label: "offline run, 1M per side, 5 history rows each", customers: 1_000_000, history: lightHistory, maxWallSeconds: null, maxRssBytes: 4e9 },
  {
    _tag: "qbo-pull",
    id: "qbo-pull-100k",
    label: "live QBO pull, 100k customers, limits on, 1 s answers, the 100k heavy POM export read meanwhile",
    customers: 100_000,
    invoices: 1_400_000,
    pomExport: { customers: 100_000, history: heavyHistory },
    minShareOfCeiling: 0.9,
    maxRssBytes: 2e9
  }
]

/** The parts a plain `npm run bench` takes: all but the two that run for many minutes. */
export const defaultPartIds: ReadonlyArray<string> = ["help", "offline-10k", "offline-10k-heavy", "offline-100k-heavy"]

export class UnknownBenchPartError extends Schema.TaggedError<UnknownBenchPartError>()("UnknownBenchPartError", {
  unknown: Schema.Array(Schema.String),
  known: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `--only: no part named ${this.unknown.join(", ")}; the parts are ${this.known.join(", ")} (comma-separated, or "all")`
  }
}

/**
 * The parts named in `--only` ("all", or ids separated by commas), in the benchmark's own order whatever order
 * they were named in, each once; undefined takes the default parts.
 */
export const selectParts = (only: string | undefined): Either.Either<ReadonlyArray<BenchPart>, UnknownBenchPartError> => {
  const known = benchParts.map((p) => p.id)
  const named = only === undefined ? defaultPartIds : only.split(",").map((s) => s.trim()).filter((s) => s !== "")
  if (named.includes("all")) return Either.right(benchParts)
  const unknown = named.filter((id) => !known.includes(id))
  if (unknown.length > 0 || named.length === 0) return Either.left(new UnknownBenchPartError({ unknown: named.length === 0 ? [""] : unknown, known }))
  return Either.right(benchParts.filter((p) => named.includes(p.id)))
}
