import { Command } from "@effect/cli"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Effect, HashMap, Layer } from "effect"
import { speakingPlainly } from "./speakingPlainly.ts"
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

// bin/reconcile.mjs may have left "starting..." on the terminal's current line while the sources compiled.
if (process.stderr.isTTY) process.stderr.write("\r\u001b[K")

const reconcile = Command.make("reconcile").pipe(
  Command.withDescription("Find and fix duplicate customers and wrong links between Pool Office Manager and QuickBooks Online"),
  Command.withSubcommands([runCommand, pullCommand, applyCommand, revertCommand, evalCommand, scheduleCommand, statusCommand, decisionsCommand, qboCommand, demoCommand])
)

const cli = Command.run(reconcile, { name: "reconcile", version: "0.1.0" })

/** A command's name with the names of its own subcommands (`qbo` → `connect`). */
const wordsOf = <Name extends string, R, E, A>(command: Command.Command<Name, R, E, A>): readonly [string, ReadonlyArray<string>] => [
  [...Command.getNames(command)].join(""),
  [...HashMap.keys(Command.getSubcommands(command))]
]

const commandWords = new Map([
  wordsOf(runCommand),
  wordsOf(pullCommand),
  wordsOf(applyCommand),
  wordsOf(evalCommand),
  wordsOf(scheduleCommand),
  wordsOf(statusCommand),
  wordsOf(decisionsCommand),
  wordsOf(qboCommand),
  wordsOf(demoCommand)
])

/** Where the options of the command being run are listed: `reconcile run --help`, `reconcile qbo connect --help`. */
const usageHint = (args: ReadonlyArray<string>): string => {
  const [first, second] = args
  const subcommands = first === undefined ? undefined : commandWords.get(first)
  const words = subcommands === undefined ? [] : second !== undefined && subcommands.includes(second) ? [first, second] : [first]
  return `see \`reconcile ${[...words, "--help"].join(" ")}\``
}

NodeRuntime.runMain(
  speakingPlainly((argv) => cli(argv), usageHint(process.argv.slice(2))).pipe(Effect.provide(Layer.merge(NodeContext.layer, loggingLayer))),
  { disableErrorReporting: true }
)
