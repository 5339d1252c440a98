import { Command } from "@effect/cli"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer } from "effect"
import { loggingLayer } from "./logging.ts"
import { runCommand } from "./RunCommand.ts"
import { applyCommand } from "./ApplyCommand.ts"
import { revertCommand } from "./RevertCommand.ts"
import { evalCommand } from "./EvalCommand.ts"
import { decisionsCommand } from "./DecisionsCommand.ts"
import { demoCommand } from "./DemoCommand.ts"
import { statusCommand } from "./StatusCommand.ts"
import { pullCommand } from "./PullCommand.ts"
import { qboCommand } from "./QboCommand.ts"
import { scheduleCommand } from "./ScheduleCommand.ts"

const reconcile = Command.make("reconcile").pipe(
  Command.withDescription("Find and fix duplicate customers and wrong links between Pool Office Manager and QuickBooks Online"),
  Command.withSubcommands([runCommand, pullCommand, applyCommand, revertCommand, evalCommand, scheduleCommand, statusCommand, decisionsCommand, qboCommand, demoCommand])
)

const cli = Command.run(reconcile, { name: "reconcile", version: "0.1.0" })

/** Every failure ends with one clear line on stderr and exit code 1; the causes carry actionable messages. */
const program = Effect.suspend(() => cli(process.argv)).pipe(
  Effect.catchAll((error) =>
    Effect.zipRight(
      // @effect/cli has already printed its own usage errors; tagged domain errors explain themselves.
      "message" in error && typeof error.message === "string" && error.message !== ""
        ? Console.error(`error: ${error.message}`)
        : Effect.void,
      Effect.sync(() => {
        process.exitCode = 1
      })
    )
  ),
  Effect.provide(Layer.merge(NodeContext.layer, loggingLayer))
)

NodeRuntime.runMain(program, { disableErrorReporting: true })
