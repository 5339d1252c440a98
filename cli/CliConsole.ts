import { type Console, Effect } from "effect"

/**
 * Colour only for a person at a terminal: never in a pipe, a file or a log collector, and never when `NO_COLOR`
 * is set to anything but "" (https://no-color.org).
 */
export const colourWanted = (stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean =>
  stream.isTTY === true && (env.NO_COLOR ?? "") === ""

// SGR sequences (colour, bold, underline) and the few cursor codes @effect/printer-ansi emits.
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g

export const withoutEscapes = (text: string): string => text.replace(ANSI_ESCAPE, "")

/** A message of any length as one line: @effect/cli's are paragraphs separated by blank lines, one per problem. */
export const oneLine = (text: string): string =>
  withoutEscapes(text)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .join("; ")

const plainArgs = (args: ReadonlyArray<unknown>): ReadonlyArray<unknown> =>
  args.map((arg) => (typeof arg === "string" ? withoutEscapes(arg) : arg))

/**
 * The console the CLI speaks through.
 * - `log` carries help, version and answers to stdout, without escape codes unless colour is wanted there.
 * - `error` is where @effect/cli prints its usage errors ("Expected to find option: '--out'"): each comes out as
 *   one `error: ...` line with where to read the options, like every other failure. Commands report through the
 *   logger or by failing, so nothing else writes here.
 */
export const cliConsole = (base: Console.Console, settings: { readonly stdoutColour: boolean; readonly usageHint: string }): Console.Console => ({
  ...base,
  log: (...args) => base.log(...(settings.stdoutColour ? args : plainArgs(args))),
  error: (...args) => {
    const message = oneLine(args.map((arg) => (typeof arg === "string" ? arg : String(arg))).join(" "))
    return message === "" ? Effect.void : base.error(`error: ${message}${settings.usageHint === "" ? "" : `; ${settings.usageHint}`}`)
  }
})
