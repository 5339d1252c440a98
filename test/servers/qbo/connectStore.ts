import { DateTime, Effect, Layer, Redacted } from "effect"
import { QboTokenSet } from "../../../sources/qbo/api/QboTokenSet.ts"
import { QboTokenStore } from "../../../sources/qbo/api/QboTokenStore.ts"
import { SqliteQboTokenStore } from "../../../sinks/store/SqliteQboTokenStore.ts"
import { Store } from "../../../sinks/store/Store.ts"
import type { QboServer } from "./QboServer.ts"

/**
 * Stores a token set the local server issues now, with the lifetimes it gives, in the store at `db`: what
 * `reconcile qbo connect` leaves there.
 */
export const connectStore = (server: QboServer, db: string): Effect.Effect<void> =>
  Effect.suspend(() => {
    const token = server.issueToken()
    const now = DateTime.unsafeNow()
    const tokens = new QboTokenSet({
      realmId: server.realmId,
      accessToken: Redacted.make(token.access_token),
      refreshToken: Redacted.make(token.refresh_token),
      accessTokenExpiresAt: DateTime.add(now, { seconds: token.expires_in }),
      refreshTokenExpiresAt: DateTime.add(now, { seconds: token.x_refresh_token_expires_in }),
      createdAt: now
    })
    return Effect.flatMap(QboTokenStore, (store) => store.save(tokens)).pipe(
      Effect.provide(SqliteQboTokenStore.pipe(Layer.provide(Store.layer(db)))),
      Effect.scoped,
      Effect.orDie
    )
  })
