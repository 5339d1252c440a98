import { desc } from "drizzle-orm"
import { DateTime, Effect, Layer, Option, Redacted } from "effect"
import { QboTokenSet } from "../../sources/qbo/api/QboTokenSet.ts"
import { QboTokenStore } from "../../sources/qbo/api/QboTokenStore.ts"
import * as schema from "./schema.ts"
import { Store } from "./Store.ts"

/**
 * QBO tokens in the SQLite store (file mode 0600). `save` commits before it returns (synchronous=FULL), so a
 * rotated refresh token is never lost to a crash right after the refresh.
 */
export const SqliteQboTokenStore = Layer.effect(
  QboTokenStore,
  Effect.gen(function* () {
    const { db } = yield* Store
    return {
      load: Effect.sync(() => {
        const row = db.select().from(schema.qboTokens).orderBy(desc(schema.qboTokens.updatedAt)).limit(1).get()
        return row === undefined
          ? Option.none()
          : Option.some(
              new QboTokenSet({
                realmId: row.realmId,
                accessToken: Redacted.make(row.accessToken),
                refreshToken: Redacted.make(row.refreshToken),
                accessTokenExpiresAt: DateTime.unsafeMake(row.accessTokenExpiresAt),
                refreshTokenExpiresAt: DateTime.unsafeMake(row.refreshTokenExpiresAt),
                createdAt: DateTime.unsafeMake(row.createdAt)
              })
            )
      }),
      save: (t: QboTokenSet) =>
        Effect.sync(() => {
          const values = {
            realmId: t.realmId,
            accessToken: Redacted.value(t.accessToken),
            refreshToken: Redacted.value(t.refreshToken),
            accessTokenExpiresAt: DateTime.toEpochMillis(t.accessTokenExpiresAt),
            refreshTokenExpiresAt: DateTime.toEpochMillis(t.refreshTokenExpiresAt),
            createdAt: DateTime.toEpochMillis(t.createdAt),
            updatedAt: new Date().toISOString()
          }
          db.insert(schema.qboTokens).values(values).onConflictDoUpdate({ target: schema.qboTokens.realmId, set: values }).run()
        })
    }
  })
)
