import { Command } from "@effect/cli"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Effect } from "effect"
import { evalCommand } from "../../cli/EvalCommand.ts"

/*
 * `reconcile eval` on its own, for measuring the matcher before (or without) the full CLI:
 * `npx tsx matchers/bench/reconcileEval.ts eval --records FILE ...` takes the same arguments as `reconcile eval`.
 */
const cli = Command.run(Command.make("reconcile").pipe(Command.withSubcommands([evalCommand])), {
  name: "reconcile",
  version: "0.1.0"
})

NodeRuntime.runMain(Effect.suspend(() => cli(process.argv)).pipe(Effect.provide(NodeContext.layer)))
