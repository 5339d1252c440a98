import type { FileSystem } from "@effect/platform"
import { Effect, Option } from "effect"
import type { CsvFileError } from "../../sources/csv/CsvFileError.ts"
import { readCsvTable } from "../../sources/csv/readCsvTable.ts"
import { loadNicknameTable } from "../FellegiSunterMatcher.ts"
import type { Country } from "../normalize/Country.ts"
import type { NicknameFileError } from "../NicknameFileError.ts"
import type { EvalInputError } from "./EvalInputError.ts"
import { type EvalReport, evaluateMatching } from "./evaluateMatching.ts"
import { parseFieldMap } from "./FieldMap.ts"
import { entityTruth } from "./GroundTruth.ts"
import { labelledRecords, parseTruthPattern } from "./labelledRecords.ts"

export interface EvalOptions {
  readonly records: string
  /** A second file makes it a link (records × right); without it, a dedupe of `records`. */
  readonly right: Option.Option<string>
  readonly id: string
  readonly truth: string
  readonly map: string
  readonly truthPattern: Option.Option<string>
  readonly threshold: number
  /** The country of records whose address does not say theirs. */
  readonly country?: Option.Option<Country>
}

/** Reads one or two labelled CSV files, runs the matcher on them and measures it against their truth. */
export const runEvaluation = (
  options: EvalOptions
): Effect.Effect<EvalReport, EvalInputError | CsvFileError | NicknameFileError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fields = yield* parseFieldMap(options.map)
    const truthPattern = Option.isSome(options.truthPattern) ? yield* parseTruthPattern(options.truthPattern.value) : null
    const columns = { id: options.id, truth: options.truth, truthPattern, fields }
    const left = yield* labelledRecords(yield* readCsvTable(options.records), columns)
    const right = Option.isSome(options.right)
      ? yield* labelledRecords(yield* readCsvTable(options.right.value), columns)
      : null
    const nicknames = yield* loadNicknameTable
    const records = right === null ? left.records : [...left.records, ...right.records]
    const entity = right === null ? left.entity : [...left.entity, ...right.entity]
    const sides = right === null ? null : new Uint8Array(records.length).fill(1, left.records.length)
    return evaluateMatching({ records, sides, truth: entityTruth(entity, sides), threshold: options.threshold, nicknames, country: Option.getOrNull(options.country ?? Option.none()) })
  }).pipe(Effect.withSpan("runEvaluation"))
