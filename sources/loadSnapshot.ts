import type { FileSystem } from "@effect/platform"
import { type ConfigError, Effect, Layer, Option } from "effect"
import { SqliteQboTokenStore } from "../sinks/store/SqliteQboTokenStore.ts"
import type { Store } from "../sinks/store/Store.ts"
import { PomLive } from "./pom/api/PomLive.ts"
import { QboLive } from "./qbo/api/QboLive.ts"
import { type QboClientOptions, QboClientSettings, defaultQboClientOptions } from "./qbo/api/QboClientSettings.ts"
import { PomProgress } from "./pom/api/PomProgress.ts"
import { RunProgress, reportStage } from "../pipeline/RunProgress.ts"
import { timedSeconds } from "../pipeline/timed.ts"
import type { PomAppointment, PomCustomer, PomService } from "../pipeline/domain/PomRecords.ts"
import type { QboCustomer, QboInvoice } from "../pipeline/domain/QboRecords.ts"
import type { PomApiError } from "./pom/api/PomApiError.ts"
import type { PomExportError } from "./pom/files/PomExportError.ts"
import type { QboRequestError } from "./qbo/api/QboRequestErrors.ts"
import type { QboSnapshotError } from "./qbo/files/QboSnapshotError.ts"
import type { Snapshot } from "../pipeline/domain/Snapshot.ts"
import type { RejectedRow } from "../pipeline/domain/RejectedRow.ts"
import { PomClient } from "./pom/api/PomClient.ts"
import { readPomExport } from "./pom/files/readPomExport.ts"
import { QboClient } from "./qbo/api/QboClient.ts"
import { decodeQboCustomers, decodeQboInvoices } from "./qbo/QboEntities.ts"
import { readQboSnapshot } from "./qbo/files/readQboSnapshot.ts"

/** Where each side of a snapshot comes from: a folder of files, or the live API. */
export type SideSource = { readonly _tag: "files"; readonly dir: string } | { readonly _tag: "api" }

interface PomSide {
  readonly label: string
  readonly customers: ReadonlyArray<PomCustomer>
  readonly appointments: ReadonlyArray<PomAppointment>
  readonly services: ReadonlyArray<PomService>
  readonly rejected: ReadonlyArray<RejectedRow>
}

interface QboSide {
  readonly label: string
  readonly customers: ReadonlyArray<QboCustomer>
  readonly invoices: ReadonlyArray<QboInvoice>
  readonly rejected: ReadonlyArray<RejectedRow>
}

const pomSide = (source: SideSource): Effect.Effect<PomSide, PomExportError | PomApiError | ConfigError.ConfigError, FileSystem.FileSystem> =>
  source._tag === "files"
    ? readPomExport(source.dir).pipe(Effect.map((pom) => ({ ...pom, label: `files:${source.dir}` })))
    : Effect.flatMap(PomClient, (client) => client.pullCustomers).pipe(
        Effect.map((pom) => ({ ...pom, label: "api:pom" })),
        Effect.provide(PomLive),
        Effect.provideServiceEffect(PomProgress, Effect.map(RunProgress, (progress) => progress.pom))
      )

const qboSide = (
  source: SideSource
): Effect.Effect<QboSide, QboSnapshotError | QboRequestError | ConfigError.ConfigError, FileSystem.FileSystem | Store> =>
  source._tag === "files"
    ? readQboSnapshot(source.dir).pipe(Effect.map((qbo) => ({ ...qbo, label: `files:${source.dir}` })))
    : Effect.gen(function* () {
        const client = yield* QboClient
        const customers = decodeQboCustomers(yield* client.pullCustomers, "QBO API Customer")
        const invoices = decodeQboInvoices(yield* client.pullInvoices, "QBO API Invoice")
        return {
          customers: customers.items,
          invoices: invoices.items,
          rejected: [...customers.rejected, ...invoices.rejected],
          label: "api:qbo"
        }
      }).pipe(
        Effect.provide(QboLive.pipe(Layer.provide(SqliteQboTokenStore))),
        Effect.provideServiceEffect(
          QboClientSettings,
          Effect.map(RunProgress, (progress): QboClientOptions => ({ ...defaultQboClientOptions, onProgress: progress.qbo }))
        )
      )

/**
 * Reads both sides, each from files or its live API, into one snapshot with every rejected row. Nothing is
 * stored until both sides are read whole, so a failed pull leaves the previous snapshot as it was.
 */
export const loadSnapshot = (pom: SideSource, qbo: SideSource) =>
  Effect.gen(function* () {
    yield* reportStage(pom._tag === "api" ? "Pulling POM customers…" : "Reading the POM export…")
    const [pomData, readPom] = yield* timedSeconds(pomSide(pom))
    yield* reportStage(qbo._tag === "api" ? "Pulling QBO customers and invoices…" : "Reading the QBO snapshot…")
    const [qboData, readQbo] = yield* timedSeconds(qboSide(qbo))
    const snapshot: Snapshot = {
      source: { pom: pomData.label, qbo: qboData.label },
      pom: { customers: pomData.customers, appointments: pomData.appointments, services: pomData.services },
      qbo: { customers: qboData.customers, invoices: qboData.invoices }
    }
    const rejected: ReadonlyArray<RejectedRow> = [...pomData.rejected, ...qboData.rejected]
    return { snapshot, rejected, readTimings: { readPom, readQbo } }
  })

export const sideSource = (dir: Option.Option<string>, api: boolean, name: string): SideSource | string =>
  api && Option.isSome(dir)
    ? `give either --${name}-api or the ${name} folder, not both`
    : api
      ? { _tag: "api" }
      : Option.isSome(dir)
        ? { _tag: "files", dir: dir.value }
        : `give the ${name === "pom" ? "--pom-csv folder" : "--qbo-snapshot folder"} or --${name}-api`
