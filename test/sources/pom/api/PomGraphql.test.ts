import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import type { PomDocument } from "../../../../sources/pom/api/documents.ts"
import * as documents from "../../../../sources/pom/api/documents.ts"
import { PomConfig, type PomSettings } from "../../../../sources/pom/api/PomConfig.ts"
import { PomGraphql } from "../../../../sources/pom/api/PomGraphql.ts"
import { localPomSettings, scopedPomServer } from "../../../servers/pom/localPomClient.ts"
import { customerId, pomRows } from "../../../servers/pom/pomRows.ts"

const send = (settings: PomSettings, document: PomDocument, variables: Readonly<Record<string, unknown>>) =>
  PomGraphql.pipe(
    Effect.flatMap((graphql) => graphql.execute(document, variables, { kind: "customer", id: customerId(0) })),
    Effect.provide(PomGraphql.Default.pipe(Layer.provide(Layer.merge(PomConfig.layerWith(settings), NodeHttpClient.layerUndici))))
  )

const misspelt: PomDocument = {
  operationName: "ReadCustomerNickname",
  query: "query ReadCustomerNickname($selector: CustomerSelector!) { customer(selector: $selector) { id nickname } }"
}

describe("PomGraphql", () => {
  it.scopedLive("surfaces a document POM's schema rejects as PomGraphqlError pointing at documents.ts", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      const error = yield* send(localPomSettings(server), misspelt, { selector: { id: customerId(0) } }).pipe(Effect.flip)
      expect(error).toMatchObject({ _tag: "PomGraphqlError", code: "GRAPHQL_VALIDATION_FAILED", operation: "ReadCustomerNickname" })
      expect(error.message).toContain('Cannot query field "nickname" on type "Customer"')
      expect(error.message).toContain("sources/pom/api/documents.ts")
      // A rejected document is a mistake to fix, not a blip: it is sent once.
      expect(server.log.requests.filter((r) => r.path === "/graphql").map((r) => r.status)).toEqual([400])
    })
  )

  it.scopedLive("surfaces a syntax error as GRAPHQL_PARSE_FAILED", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      const broken: PomDocument = { operationName: "Broken", query: "query Broken { customer(selector: {id: 1}) { id }" }
      const error = yield* send(localPomSettings(server), broken, {}).pipe(Effect.flip)
      expect(error).toMatchObject({ _tag: "PomGraphqlError", code: "GRAPHQL_PARSE_FAILED" })
    })
  )

  it.scopedLive("reports a page size above POM's maximum as PomBadUserInput", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      const error = yield* send(localPomSettings(server), documents.pullCustomersPage, { first: 101, after: null }).pipe(Effect.flip)
      expect(error._tag).toBe("PomBadUserInput")
      expect(error.message).toContain("first must be at most 100")
    })
  )

  it.scopedLive("reports a status POM does not have as PomBadUserInput", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      const error = yield* send(localPomSettings(server), documents.updateCustomer, {
        id: customerId(0),
        input: { status: "DELETED" }
      }).pipe(Effect.flip)
      expect(error._tag).toBe("PomBadUserInput")
      expect(error.message).toContain("DELETED")
      expect(server.log.writes).toEqual([])
    })
  )

  it.scopedLive("reports an answer that is not GraphQL as PomProtocolError with the status", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      const settings = { ...localPomSettings(server, { auth: "token" }), apiUrl: `${server.url}/v9` }
      const error = yield* send(settings, documents.readCustomer, { selector: { id: customerId(0) } }).pipe(Effect.flip)
      expect(error._tag).toBe("PomProtocolError")
      expect(error.message).toContain("HTTP 404")
    })
  )
})
