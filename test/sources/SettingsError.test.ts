import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { pomSettings, pomSettingsGuide } from "../../sources/pom/api/PomConfig.ts"
import { qboSettingsConfig, qboSettingsGuide } from "../../sources/qbo/api/QboConfig.ts"
import { readSettings } from "../../sources/SettingsError.ts"

const failureOf = <A>(read: Effect.Effect<A, { readonly message: string }>, env: Record<string, string>) =>
  read.pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))), Effect.flip, Effect.map((e) => e.message))

describe("settings errors", () => {
  it.effect("ask for the missing QBO settings by name and what each is for", () =>
    Effect.gen(function* () {
      const message = yield* failureOf(readSettings(qboSettingsConfig, qboSettingsGuide), {})
      expect(message).toBe(
        `QuickBooks Online is not set up: set QBO_CLIENT_ID (the client id of your Intuit app, under Keys & credentials at developer.intuit.com) and QBO_CLIENT_SECRET (that app's client secret). See "Connecting to QuickBooks Online" in the README.`
      )
    })
  )

  it.effect("offer POM's two ways to sign in as a choice", () =>
    Effect.gen(function* () {
      const message = yield* failureOf(readSettings(pomSettings, pomSettingsGuide), { POM_API_URL: "https://pom.example", POM_EMAIL: "office@example.com" })
      expect(message).toContain("POM is not set up: either set POM_API_TOKEN (an API access token from POM support), or set POM_PASSWORD")
      expect(message).toContain("POM_CLIENT_ID (the API client id from POM support) and POM_REALM")
      expect(message).not.toContain("POM_EMAIL (")
    })
  )

  it.effect("name an unusable setting and keep secrets out", () =>
    Effect.gen(function* () {
      const message = yield* failureOf(readSettings(qboSettingsConfig, qboSettingsGuide), {
        QBO_CLIENT_ID: "app",
        QBO_CLIENT_SECRET: "s3cret-value",
        QBO_BASE_URL: "localhost:8766"
      })
      expect(message).toBe(
        `QuickBooks Online settings are not usable: QBO_BASE_URL must be an http(s) address such as http://localhost:8766 (or unset, for Intuit). See "Connecting to QuickBooks Online" in the README.`
      )
    })
  )
})
