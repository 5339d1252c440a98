import { describe, expect, it } from "@effect/vitest"
import { Console, Effect } from "effect"
import { cliConsole, colourWanted, oneLine } from "../../cli/CliConsole.ts"

/** A console that keeps what is written to it. */
const recording = () => {
  const out: Array<string> = []
  const err: Array<string> = []
  const base = Effect.runSync(Console.consoleWith((c) => Effect.succeed(c)))
  const console: Console.Console = {
    ...base,
    log: (...args) => Effect.sync(() => void out.push(args.join(" "))),
    error: (...args) => Effect.sync(() => void err.push(args.join(" ")))
  }
  return { console, out, err }
}

describe("colourWanted", () => {
  it("wants colour only on a terminal, and never with NO_COLOR set", () => {
    expect(colourWanted({ isTTY: true }, {})).toBe(true)
    expect(colourWanted({ isTTY: false }, {})).toBe(false)
    expect(colourWanted({}, {})).toBe(false)
    expect(colourWanted({ isTTY: true }, { NO_COLOR: "1" })).toBe(false)
    // no-color.org: an empty NO_COLOR does not count.
    expect(colourWanted({ isTTY: true }, { NO_COLOR: "" })).toBe(true)
  })
})

describe("cliConsole", () => {
  const bold = "\u001b[0;1mUSAGE\u001b[0m"

  it.effect("writes help without escape codes where colour is not wanted, and keeps them where it is", () =>
    Effect.gen(function* () {
      const plain = recording()
      yield* Console.log(bold).pipe(Console.withConsole(cliConsole(plain.console, { stdoutColour: false, usageHint: "" })))
      expect(plain.out).toEqual(["USAGE"])
      const coloured = recording()
      yield* Console.log(bold).pipe(Console.withConsole(cliConsole(coloured.console, { stdoutColour: true, usageHint: "" })))
      expect(coloured.out).toEqual([bold])
    })
  )

  it.effect("turns a usage error of several paragraphs into one error line with the hint", () =>
    Effect.gen(function* () {
      const r = recording()
      yield* Console.error("\u001b[31m'x' is not a float\u001b[0m\n\nExpected to find option: '--out'\n").pipe(
        Console.withConsole(cliConsole(r.console, { stdoutColour: true, usageHint: "see `reconcile run --help`" }))
      )
      expect(r.err).toEqual(["error: 'x' is not a float; Expected to find option: '--out'; see `reconcile run --help`"])
    })
  )

  it("oneLine keeps a paragraph's words and drops blank lines", () => {
    expect(oneLine("  a\n  b\n\n\n c ")).toBe("a b; c")
  })
})
