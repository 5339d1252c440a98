import { Console, Effect, Option } from "effect"
import { cliConsole, colourWanted } from "./CliConsole.ts"
import { failureLine } from "./failureLine.ts"

/**
 * Runs a parsed command line so that it speaks plainly: no escape codes where colour is not wanted, and every
 * failure ends with one `error: ...` line on stderr and exit code 1. That covers usage errors from @effect/cli
 * (through `cliConsole`), the tool's own errors with their actionable messages, and unexpected defects, which
 * are never silent.
 */
export const speakingPlainly = <E, R>(cli: (argv: ReadonlyArray<string>) => Effect.Effect<void, E, R>, usageHint: string): Effect.Effect<void, never, R> =>
  Effect.suspend(() => cli(process.argv)).pipe(
    Effect.catchAllCause((cause) =>
      Effect.zipRight(
        Option.match(failureLine(cause), { onNone: () => Effect.void, onSome: (line) => Effect.sync(() => process.stderr.write(`${line}\n`)) }),
        Effect.sync(() => {
          process.exitCode = 1
        })
      )
    ),
    (self) => Console.consoleWith((base) => Console.withConsole(self, cliConsole(base, { stdoutColour: colourWanted(process.stdout), usageHint })))
  )
