import { Command } from "@effect/cli"
import { Console, Effect, Layer } from "effect"
import { QboAuth } from "../sources/qbo/api/QboAuth.ts"
import { QboLive } from "../sources/qbo/api/QboLive.ts"
import { SqliteQboTokenStore } from "../sinks/store/SqliteQboTokenStore.ts"
import { Store } from "../sinks/store/Store.ts"
import { dbOption } from "./sharedOptions.ts"

/**
 * The OAuth authorization-code flow: prints the URL to open, receives Intuit's callback on the redirect URI's
 * local port, exchanges the code and stores the tokens and company (realm) id in the store. Tokens are never
 * printed.
 */
const connect = Command.make("connect", { db: dbOption }, (args) =>
  Effect.gen(function* () {
    const auth = yield* QboAuth
    const tokens = yield* auth.connect({
      onAuthorizeUrl: (url) => Console.log(`Open this address in a browser and allow access to your QuickBooks company:\n\n  ${url}\n`)
    })
    yield* Console.log(`Connected to QuickBooks company ${tokens.realmId}. The tokens are in ${args.db}; keep that file private.`)
  }).pipe(Effect.provide(QboLive.pipe(Layer.provide(SqliteQboTokenStore), Layer.provide(Store.layer(args.db)))))
).pipe(Command.withDescription("Connect to a QuickBooks Online company (OAuth); run again if told the connection expired"))

export const qboCommand = Command.make("qbo").pipe(
  Command.withDescription("QuickBooks Online connection"),
  Command.withSubcommands([connect])
)
