import { Either } from "effect"

export interface JsonSyntaxError {
  readonly line: number
  readonly column: number
  readonly detail: string
}

/** 1-based line and column of a character offset. */
export const lineAndColumn = (text: string, offset: number): { readonly line: number; readonly column: number } => {
  const before = text.slice(0, offset)
  const lastBreak = before.lastIndexOf("\n")
  return { line: before.split("\n").length, column: offset - lastBreak }
}

/**
 * Parses JSON text, locating a syntax error by line and column (V8 reports only a character offset, or
 * nothing when the text ends early).
 */
export const parseJson = (text: string): Either.Either<unknown, JsonSyntaxError> =>
  Either.try({
    try: (): unknown => JSON.parse(text),
    catch: (error) => {
      const message = error instanceof Error ? error.message : String(error)
      const offset = /at position (\d+)/.exec(message)?.[1]
      const where = lineAndColumn(text, offset === undefined ? text.length : Number(offset))
      return { ...where, detail: message.replace(/\s*\(line \d+ column \d+\)$/, "") }
    }
  })
