import { Effect, Layer, Option } from "effect"
import { PomApiTargetLive } from "../sinks/pom/PomApiTarget.ts"
import { pomWorklistTarget } from "../sinks/pom/PomWorklistTarget.ts"
import { applyQboClientOptions, QboApiTargetLive } from "../sinks/qbo/QboApiTarget.ts"
import { SqliteQboTokenStore } from "../sinks/store/SqliteQboTokenStore.ts"
import { PomLive, pomApiConfigured } from "../sources/pom/api/PomLive.ts"
import { readPomExport } from "../sources/pom/files/readPomExport.ts"
import { qboClientSettingsFromEnv } from "../sources/qbo/api/QboClientSettings.ts"
import { QboLive } from "../sources/qbo/api/QboLive.ts"

/** QBO for commands that write to it: the stored connection, apply's client settings. */
export const qboTargetLayer = QboApiTargetLive.pipe(
  Layer.provide(QboLive),
  Layer.provide(SqliteQboTokenStore),
  Layer.provide(qboClientSettingsFromEnv(applyQboClientOptions))
)

/** The POM side: the API when configured, else a worklist checked against a fresh export if one is given. */
export const pomTargetLayer = (pomCsv: Option.Option<string>) =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      if (yield* pomApiConfigured) return PomApiTargetLive.pipe(Layer.provide(PomLive))
      if (Option.isNone(pomCsv)) return pomWorklistTarget(null)
      const fresh = yield* readPomExport(pomCsv.value)
      return pomWorklistTarget(fresh)
    })
  )
