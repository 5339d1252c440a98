import { Effect, FiberRef, HashSet, Layer, Logger } from "effect"
import { colourWanted } from "./CliConsole.ts"

/**
 * Logs go to stderr, so stdout carries only the command's answer (`--json` output stays parseable): pretty for a
 * person at a terminal, one JSON object per line for cron, systemd and log collectors. No log line carries a
 * token or a secret: those are `Redacted` everywhere and print as "<redacted>".
 *
 * This replaces every logger the runtime installed (the Node runtime adds its own pretty one on stdout).
 */
export const loggingLayer: Layer.Layer<never> = Layer.scopedDiscard(
  Effect.locallyScoped(
    FiberRef.currentLoggers,
    HashSet.make<ReadonlyArray<Logger.Logger<unknown, unknown>>>(
      process.stderr.isTTY ? Logger.prettyLogger({ stderr: true, colors: colourWanted(process.stderr) }) : Logger.withConsoleError(Logger.jsonLogger)
    )
  )
)
