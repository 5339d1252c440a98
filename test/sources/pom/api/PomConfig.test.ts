import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Redacted } from "effect"
import { pomSettings } from "../../../../sources/pom/api/PomConfig.ts"

const read = (env: Record<string, string>) =>
  Effect.withConfigProvider(pomSettings, ConfigProvider.fromMap(new Map(Object.entries(env))))

describe("pomSettings", () => {
  it.effect("prefers POM_API_TOKEN and applies the defaults", () =>
    Effect.gen(function* () {
      const settings = yield* read({ POM_API_URL: "https://api.poolservicemanager.com/", POM_API_TOKEN: "t0k" })
      expect(settings.apiUrl).toBe("https://api.poolservicemanager.com")
      expect(settings.auth._tag).toBe("Token")
      expect(settings.auth._tag === "Token" ? Redacted.value(settings.auth.token) : null).toBe("t0k")
      expect(settings.pageSize).toBe(100)
      expect(Duration.toMillis(settings.requestTimeout)).toBe(30_000)
      expect(settings.retry.maxRetries).toBe(5)
    })
  )

  it.effect("falls back to the sign-in settings and keeps the password redacted", () =>
    Effect.gen(function* () {
      const settings = yield* read({
        POM_API_URL: "https://pom.example",
        POM_EMAIL: "office@example.com",
        POM_PASSWORD: "s3cret",
        POM_CLIENT_ID: "cid",
        POM_REALM: "acme",
        POM_PAGE_SIZE: "25"
      })
      expect(settings.auth).toMatchObject({ _tag: "SignIn", email: "office@example.com", clientId: "cid", realm: "acme" })
      expect(JSON.stringify(settings)).not.toContain("s3cret")
      expect(settings.pageSize).toBe(25)
    })
  )

  it.effect("names both ways to authenticate when neither is set", () =>
    Effect.gen(function* () {
      const error = yield* read({ POM_API_URL: "https://pom.example" }).pipe(Effect.flip)
      expect(String(error)).toContain("POM_API_TOKEN")
      expect(String(error)).toContain("POM_EMAIL")
    })
  )

  it.effect("refuses a page size above POM's maximum of 100", () =>
    Effect.gen(function* () {
      const error = yield* read({ POM_API_URL: "https://pom.example", POM_API_TOKEN: "t", POM_PAGE_SIZE: "101" }).pipe(Effect.flip)
      expect(String(error)).toContain("POM_PAGE_SIZE must be a whole number from 1 to 100")
    })
  )
})
