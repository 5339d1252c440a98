import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Layer, Option, Redacted } from "effect"
import { mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { QboTokenSet } from "../../../sources/qbo/api/QboTokenSet.ts"
import { QboTokenStore } from "../../../sources/qbo/api/QboTokenStore.ts"
import { SqliteQboTokenStore } from "../../../sinks/store/SqliteQboTokenStore.ts"
import { Store } from "../../../sinks/store/Store.ts"

const tokens = (refresh: string) =>
  new QboTokenSet({
    realmId: "9130",
    accessToken: Redacted.make(`access-${refresh}`),
    refreshToken: Redacted.make(refresh),
    accessTokenExpiresAt: DateTime.unsafeMake(1_800_000_000_000),
    refreshTokenExpiresAt: DateTime.unsafeMake(1_808_000_000_000),
    createdAt: DateTime.unsafeMake(1_799_996_400_000)
  })

const at = (file: string) => SqliteQboTokenStore.pipe(Layer.provide(Store.layer(file)))

describe("SqliteQboTokenStore", () => {
  it.effect("keeps the newest token set across connections, in an owner-only file", () =>
    Effect.gen(function* () {
      const file = join(mkdtempSync(join(tmpdir(), "tokens-")), "r.db")
      yield* Effect.flatMap(QboTokenStore, (s) => Effect.zipRight(s.save(tokens("first")), s.save(tokens("rotated")))).pipe(Effect.provide(at(file)))
      const loaded = yield* Effect.flatMap(QboTokenStore, (s) => s.load).pipe(Effect.provide(at(file)))
      expect(Option.map(loaded, (t) => Redacted.value(t.refreshToken))).toEqual(Option.some("rotated"))
      expect(Option.map(loaded, (t) => DateTime.toEpochMillis(t.accessTokenExpiresAt))).toEqual(Option.some(1_800_000_000_000))
      expect(String(Option.getOrThrow(loaded).refreshToken)).not.toContain("rotated")
      expect(statSync(file).mode & 0o777).toBe(0o600)
    })
  )
})
