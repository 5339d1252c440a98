import { Command } from "@effect/cli"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Effect } from "effect"
import { speakingPlainly } from "../../cli/speakingPlainly.ts"

/*
 * A command line run the way cli/main.ts runs reconcile's, whose one command dies with a bug's defect (the tool's
 * own commands have none to trigger on purpose). The defect's message carries POM_API_TOKEN, as a careless
 * message could.
 */
const dies = Command.make("dies", {}, () => Effect.die(new Error(`lost track of the session ${process.env.POM_API_TOKEN ?? ""}`)))
const cli = Command.run(Command.make("reconcile").pipe(Command.withSubcommands([dies])), { name: "reconcile", version: "0.0.0" })

NodeRuntime.runMain(speakingPlainly((argv) => cli(argv), "see `reconcile dies --help`").pipe(Effect.provide(NodeContext.layer)), {
  disableErrorReporting: true
})
