import { FileSystem } from "@effect/platform"
import { Effect, Either } from "effect"
import { extname } from "node:path"
import { CaseId, RunId } from "../../pipeline/domain/Ids.ts"
import { cleanSpreadsheetId } from "../csv/cleanSpreadsheetId.ts"
import { MAX_CELL_CHARS } from "../csv/cellLimit.ts"
import type { CsvFileError } from "../csv/CsvFileError.ts"
import { parseCsvBytes } from "../csv/readCsvTable.ts"
import { type ColumnAliases, type ColumnProblem, describeColumnProblem, resolveColumns } from "../csv/resolveColumns.ts"
import { isZip, parseXlsxBytes } from "../xlsx/readXlsxTable.ts"
import type { XlsxFileError } from "../xlsx/XlsxFileError.ts"
import { ReviewFileError } from "./ReviewFileError.ts"

export type Decision = "approve" | "reject"

/**
 * The choice columns as typed, before they are checked against the case's records. `exclude` holds each listed
 * id as written, optionally prefixed `pom:` or `qbo:` (needed only where one id names a record on both sides).
 */
export interface TypedChoice {
  readonly keepPomId: string | null
  readonly correctQboId: string | null
  readonly exclude: ReadonlyArray<string>
}

/** One admin decision, with where it came from. Only these cells of a review file are ever read. */
export interface ReviewDecision {
  /** The spreadsheet row it was read from (the header is row 1), as the admin sees it, in .xlsx and .csv alike. */
  readonly row: number
  readonly caseId: CaseId
  readonly runId: RunId
  readonly decision: Decision
  readonly note: string
  readonly choice: TypedChoice
}

const APPROVE = new Set(["approve", "approved", "yes", "y", "x", "ok", "true"])
const REJECT = new Set(["reject", "rejected", "no", "n", "false"])

/** Reads an admin's word as a decision; blank means "not decided"; anything else is refused, not guessed. */
export const parseDecision = (cell: string): Either.Either<Decision | null, string> => {
  const word = cell.trim().toLowerCase().replace(/^'/, "")
  if (word === "") return Either.right(null)
  if (APPROVE.has(word)) return Either.right("approve")
  if (REJECT.has(word)) return Either.right("reject")
  return Either.left(`"${cell}" is not a decision: write approve (or yes, y, x), reject (or no, n), or leave it blank`)
}

const columns = {
  caseId: { required: true, aliases: ["case_id", "case"] },
  runId: { required: true, aliases: ["run_id", "run"] },
  decision: { required: true, aliases: ["decision"] },
  note: { required: false, aliases: ["note", "notes", "comment"] },
  // Named after their headers: a key is itself a header the reader accepts, and `keepPomId` would read keep_pom_id,
  // the tool's own proposal, as the admin's choice.
  chooseKeepPomId: { required: false, aliases: ["choose_keep_pom_id"] },
  chooseCorrectQboId: { required: false, aliases: ["choose_correct_qbo_id"] },
  excludeIds: { required: false, aliases: ["exclude_ids"] }
} satisfies ColumnAliases<"caseId" | "runId" | "decision" | "note" | "chooseKeepPomId" | "chooseCorrectQboId" | "excludeIds">

/** An id cell as a spreadsheet may have left it: the formula guard `'` and Excel's `2514.0` undone. */
const idCell = (column: string, cell: string): Either.Either<string | null, string> =>
  Either.mapLeft(cleanSpreadsheetId(cell.trim().replace(/^'/, "")), (why) => `${column}: ${why}`)

const EXCLUDE_ID = /^(?:(pom|qbo):)?\s*(\S+)$/i

const columnProblem = (problem: ColumnProblem<keyof typeof columns>, headers: ReadonlyArray<string>): string =>
  problem._tag === "missing"
    ? `the column ${problem.key === "caseId" ? "case_id" : problem.key === "runId" ? "run_id" : problem.key} is missing (found: ${headers.join(", ")})`
    : describeColumnProblem(problem)

/** The worksheet review.xlsx keeps the cases on (`reports/ReviewXlsx.ts`); a workbook without it is read from its first. */
const REVIEW_SHEET = "Review"

/** Starts an Excel 97-2003 workbook (an OLE compound file), which this reader does not read. */
const isLegacyExcel = (bytes: Uint8Array): boolean => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0

/** The review table from an .xlsx (by name or by content: a renamed workbook is still one) or a CSV. */
const readReviewTable = (path: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const bytes = yield* Effect.mapError(
      fs.readFile(path),
      (error) => new ReviewFileError({ file: path, problems: [`the file cannot be read (${error.message}): check the path and that you may read it`] })
    )
    if (isLegacyExcel(bytes)) {
      return yield* new ReviewFileError({
        file: path,
        problems: ["this is an Excel 97-2003 workbook (.xls): save it as Excel Workbook (.xlsx) or as CSV and apply that file"]
      })
    }
    if (isZip(bytes) || extname(path).toLowerCase() === ".xlsx") return yield* parseXlsxBytes(bytes, path, REVIEW_SHEET)
    return yield* parseCsvBytes(bytes, path)
  })

/**
 * Reads the decisions from a review file as a spreadsheet saved it: review.xlsx, or a CSV in any encoding and
 * delimiter; any column order, extra columns. Every problem is collected and reported together, naming the
 * spreadsheet row, and nothing is returned if any: a half-understood sign-off must not be half applied.
 */
export const readReviewFile = (
  path: string
): Effect.Effect<ReadonlyArray<ReviewDecision>, ReviewFileError | CsvFileError | XlsxFileError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const table = yield* readReviewTable(path)
    const resolved = resolveColumns(table.headers, columns)
    if (Either.isLeft(resolved)) {
      return yield* new ReviewFileError({
        file: path,
        problems: resolved.left.map((p) => columnProblem(p, table.headers))
      })
    }
    const get = resolved.right.get
    const problems: Array<string> = []
    const decisions: Array<ReviewDecision> = []
    const seen = new Map<string, number>()
    const readKeys = ["caseId", "runId", "decision", "note"] as const
    for (const row of table.rows) {
      const long = readKeys.filter((key) => get(row, key).length > MAX_CELL_CHARS)
      if (long.length > 0) {
        const header = (key: (typeof readKeys)[number]) => table.headers[resolved.right.indexOf[key] ?? -1] ?? key
        problems.push(
          `line ${row.line}: ${long.map((key) => `the ${header(key)} cell is ${get(row, key).length} characters long`).join(", ")}, over the limit of ${MAX_CELL_CHARS}: shorten it`
        )
        continue
      }
      const caseId = get(row, "caseId")
      const parsed = parseDecision(get(row, "decision"))
      if (Either.isLeft(parsed)) {
        problems.push(`row ${row.row}, case ${caseId || "?"}: ${parsed.left}`)
        continue
      }
      if (parsed.right === null) continue
      if (caseId === "") {
        problems.push(`row ${row.row}: a decision without a case_id`)
        continue
      }
      const runId = get(row, "runId")
      if (runId === "") {
        problems.push(`row ${row.row}, case ${caseId}: the run_id cell is empty; it says which run the case was reviewed from`)
        continue
      }
      const first = seen.get(caseId)
      if (first !== undefined) {
        problems.push(`row ${row.row}: case ${caseId} is decided twice (first on row ${first})`)
        continue
      }
      seen.set(caseId, row.row)
      const keep = idCell("choose_keep_pom_id", get(row, "chooseKeepPomId"))
      const correct = idCell("choose_correct_qbo_id", get(row, "chooseCorrectQboId"))
      const exclude = get(row, "excludeIds")
        .replace(/^'/, "")
        .split(/[;,\n]/)
        .map((t) => t.trim())
        .filter((t) => t !== "")
      const badExclude = exclude.filter((t) => !EXCLUDE_ID.test(t))
      const cellProblems = [
        ...(Either.isLeft(keep) ? [keep.left] : []),
        ...(Either.isLeft(correct) ? [correct.left] : []),
        ...badExclude.map((t) => `exclude_ids: "${t}" is not an id (separate ids with ";", prefix pom: or qbo: where needed)`)
      ]
      if (cellProblems.length > 0) {
        problems.push(...cellProblems.map((p) => `row ${row.row}, case ${caseId}: ${p}`))
        continue
      }
      decisions.push({
        row: row.row,
        caseId: CaseId.make(caseId),
        runId: RunId.make(runId),
        decision: parsed.right,
        note: get(row, "note"),
        choice: {
          keepPomId: Either.getOrNull(keep),
          correctQboId: Either.getOrNull(correct),
          exclude: exclude.map((t) => t.replace(/^(pom|qbo):\s*/i, (_, side: string) => `${side.toLowerCase()}:`))
        }
      })
    }
    if (problems.length > 0) return yield* new ReviewFileError({ file: path, problems })
    return decisions
  })
