import type { FileSystem } from "@effect/platform"
import { Effect, Layer, Option } from "effect"
import { SqliteQboTokenStore } from "../sinks/store/SqliteQboTokenStore.ts"
import type { HistoryKind } from "../sinks/store/historyRowCodec.ts"
import type { HistoryStage } from "../sinks/store/stageHistory.ts"
import { Store } from "../sinks/store/Store.ts"
import { PomLive } from "./pom/api/PomLive.ts"
import { QboLive } from "./qbo/api/QboLive.ts"
import { type QboClientOptions, QboClientSettings, qboClientOptionsFromEnv } from "./qbo/api/QboClientSettings.ts"
import { PomProgress } from "./pom/api/PomProgress.ts"
import { RunProgress, reportStage } from "../pipeline/RunProgress.ts"
import { timedSeconds } from "../pipeline/timed.ts"
import type { HistorySink } from "../pipeline/domain/History.ts"
import type { LoadedSnapshot } from "../pipeline/domain/LoadedSnapshot.ts"
import type { PomCustomer } from "../pipeline/domain/PomRecords.ts"
import type { QboCustomer } from "../pipeline/domain/QboRecords.ts"
import type { PomApiError } from "./pom/api/PomApiError.ts"
import type { PomExportError } from "./pom/files/PomExportError.ts"
import type { QboRequestError } from "./qbo/api/QboRequestErrors.ts"
import type { QboSnapshotError } from "./qbo/files/QboSnapshotError.ts"
import type { SettingsError } from "./SettingsError.ts"
import type { RejectedRow } from "../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../pipeline/domain/UnreadableRecord.ts"
import { PomClient } from "./pom/api/PomClient.ts"
import { streamPomExportOnWorker } from "./pom/files/streamPomExportOnWorker.ts"
import { QboClient } from "./qbo/api/QboClient.ts"
import { decodeQboCustomers, qboInvoiceDecoder } from "./qbo/QboEntities.ts"
import { streamQboSnapshot } from "./qbo/files/readQboSnapshot.ts"

/** Where each side of a snapshot comes from: a folder of files, or the live API. */
export type SideSource = { readonly _tag: "files"; readonly dir: string } | { readonly _tag: "api" }

/** One side as read: its customers; its history went to the sink. */
interface PomSide {
  readonly label: string
  readonly customers: ReadonlyArray<PomCustomer>
  readonly rejected: ReadonlyArray<RejectedRow>
  readonly unreadable: ReadonlyArray<UnreadableRecord>
}

interface QboSide {
  readonly label: string
  readonly customers: ReadonlyArray<QboCustomer>
  readonly rejected: ReadonlyArray<RejectedRow>
  readonly unreadable: ReadonlyArray<UnreadableRecord>
  /** The company's country as QBO's settings name it; null from files, which do not hold them. */
  readonly country: string | null
}

const pomSide = (
  source: SideSource,
  stage: Pick<HistoryStage, "sink" | "storeEncoded" | "kindDone">
): Effect.Effect<PomSide, PomExportError | PomApiError | SettingsError, FileSystem.FileSystem> =>
  source._tag === "files"
    ? streamPomExportOnWorker(source.dir, stage).pipe(Effect.map((pom) => ({ ...pom, label: `files:${source.dir}` })))
    : Effect.flatMap(PomClient, (client) => client.streamCustomers(stage.sink)).pipe(
        Effect.map((pom) => ({ ...pom, label: "api:pom" })),
        Effect.provide(PomLive),
        Effect.provideServiceEffect(PomProgress, Effect.map(RunProgress, (progress) => progress.pom))
      )

const qboSide = (
  source: SideSource,
  sink: HistorySink
): Effect.Effect<QboSide, QboSnapshotError | QboRequestError | SettingsError, FileSystem.FileSystem | Store> =>
  source._tag === "files"
    ? streamQboSnapshot(source.dir, sink).pipe(Effect.map((qbo) => ({ ...qbo, label: `files:${source.dir}`, country: null })))
    : Effect.gen(function* () {
        const client = yield* QboClient
        const country = yield* client.companyCountry
        const customers = decodeQboCustomers(yield* client.pullCustomers, "QBO API Customer")
        // Each page's invoices are decoded and handed to the store as the page arrives: a company's invoices
        // are many times its customers, and are never held here.
        const decoder = qboInvoiceDecoder("QBO API Invoice", sink.invoice)
        yield* client.streamInvoices(decoder.add)
        const invoices = decoder.finish()
        return {
          customers: customers.items,
          rejected: [...customers.rejected, ...invoices.rejected],
          unreadable: [...customers.unreadable, ...invoices.unreadable],
          label: "api:qbo",
          country
        }
      }).pipe(
        Effect.provide(QboLive.pipe(Layer.provide(SqliteQboTokenStore))),
        Effect.provideServiceEffect(
          QboClientSettings,
          // The same environment settings as apply's client, with the run's progress.
          Effect.zipWith(qboClientOptionsFromEnv(), RunProgress, (options, progress): QboClientOptions => ({ ...options, onProgress: progress.qbo }))
        )
      )

/**
 * Reads both sides, each from files or its live API, into one snapshot with every rejected row. The two sides are
 * read at the same time: a live pull mostly waits on the network, and the POM export is parsed on its own thread,
 * so neither side's CPU work holds up the other's. Customers are kept; appointments, services and invoices go to
 * the store as they are read, so memory follows the customers, not their history. No snapshot is named until both
 * sides are read whole, and the rows of a failed read are deleted, so a failed pull leaves the previous snapshot as
 * it was.
 */
export const loadSnapshot = (pom: SideSource, qbo: SideSource) =>
  Effect.gen(function* () {
    const store = yield* Store
    const stage = yield* store.stageHistoryRows(new Date().toISOString())
    yield* reportStage(
      `${pom._tag === "api" ? "Pulling POM customers" : "Reading the POM export"} and ${qbo._tag === "api" ? "pulling QBO customers and invoices" : "reading the QBO snapshot"}…`
    )
    // A side read whole has no more rows to come: its last rows are written at once, while the other side may still
    // be reading, rather than after both.
    const thenStore =
      (...kinds: ReadonlyArray<HistoryKind>) =>
      <A, E, R>(side: Effect.Effect<A, E, R>) =>
        Effect.tap(side, () => Effect.sync(() => kinds.forEach((kind) => stage.kindDone(kind))))
    const [[[pomData, readPom], [qboData, readQbo]], readSeconds] = yield* timedSeconds(
      Effect.all(
        [
          timedSeconds(pomSide(pom, stage).pipe(thenStore("appointment", "service"))),
          timedSeconds(qboSide(qbo, stage.sink).pipe(thenStore("invoice")))
        ],
        { concurrency: 2 }
      ).pipe(Effect.onError(() => Effect.ignore(store.discardHistory(stage))))
    )
    // What the reads left unstored is written now.
    const [history, storeHistory] = yield* timedSeconds(store.finishHistory(stage))
    const snapshot: LoadedSnapshot = {
      source: { pom: pomData.label, qbo: qboData.label },
      pom: { customers: pomData.customers },
      qbo: { customers: qboData.customers },
      unreadable: [...pomData.unreadable, ...qboData.unreadable],
      history
    }
    const rejected: ReadonlyArray<RejectedRow> = [...pomData.rejected, ...qboData.rejected]
    // The two sides' seconds overlap: `read` is the wall time of both, which the total counts with the history's
    // last writes.
    return {
      snapshot,
      rejected,
      readTimings: { readPom, readQbo, read: readSeconds, storeHistory },
      readSeconds: readSeconds + storeHistory,
      qboCountry: qboData.country
    }
  })

export const sideSource = (dir: Option.Option<string>, api: boolean, name: string): SideSource | string =>
  api && Option.isSome(dir)
    ? `give either --${name}-api or the ${name} folder, not both`
    : api
      ? { _tag: "api" }
      : Option.isSome(dir)
        ? { _tag: "files", dir: dir.value }
        : `give the ${name === "pom" ? "--pom-csv folder" : "--qbo-snapshot folder"} or --${name}-api`
