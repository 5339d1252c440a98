import { Clock, Effect } from "effect"
import type { Snapshot } from "../pipeline/domain/Snapshot.ts"
import { readPomExport } from "./pom/files/readPomExport.ts"
import { readQboSnapshot } from "./qbo/files/readQboSnapshot.ts"

const seconds = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const start = yield* Clock.currentTimeMillis
    const value = yield* effect
    return [value, ((yield* Clock.currentTimeMillis) - start) / 1000] as const
  })

/** Reads a POM export folder and a QBO snapshot folder into one snapshot, with every rejected row. */
export const loadFileSnapshot = (pomDir: string, qboDir: string) =>
  Effect.gen(function* () {
    const [pom, readPom] = yield* seconds(readPomExport(pomDir))
    const [qbo, readQbo] = yield* seconds(readQboSnapshot(qboDir))
    const snapshot: Snapshot = {
      source: { pom: `files:${pomDir}`, qbo: `files:${qboDir}` },
      pom: { customers: pom.customers, appointments: pom.appointments, services: pom.services },
      qbo: { customers: qbo.customers, invoices: qbo.invoices }
    }
    return {
      snapshot,
      rejected: [...pom.rejected, ...qbo.rejected],
      readTimings: { readPom, readQbo }
    }
  })
