import { Effect, Layer } from "effect"
import {
  type InvoiceState,
  type PomCustomerState,
  type PomItemState,
  PomTarget,
  QboTarget,
  type QboCustomerState,
  type WriteOutcome
} from "../../../pipeline/apply/ApplyTargets.ts"
import type { Snapshot } from "../../../pipeline/domain/Snapshot.ts"

/**
 * Both systems in memory, with QBO's SyncToken rule (a write with an old token is refused as stale) and a
 * write log, so apply's rules can be tested quickly; the local HTTP servers test the real clients.
 */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export class InMemorySystems {
  readonly invoices = new Map<string, Mutable<InvoiceState> & { balance: number }>()
  readonly qboCustomers = new Map<string, Mutable<QboCustomerState>>()
  readonly pomCustomers = new Map<string, Mutable<PomCustomerState>>()
  readonly appointments = new Map<string, Mutable<PomItemState>>()
  readonly services = new Map<string, Mutable<PomItemState>>()
  readonly writes: Array<{ system: "qbo" | "pom"; id: string; requestId: string }> = []
  /** Called before each write; may change state (a concurrent edit) or return a refusal. */
  beforeWrite: (id: string) => WriteOutcome<never> | void = () => undefined

  constructor(snapshot: Snapshot) {
    for (const i of snapshot.qbo.invoices) this.invoices.set(i.id, { syncToken: i.syncToken, customerId: i.customerId, balance: i.balance })
    for (const c of snapshot.qbo.customers) this.qboCustomers.set(c.id, { syncToken: c.syncToken, active: c.active, balance: c.balance })
    for (const c of snapshot.pom.customers) this.pomCustomers.set(c.id, { quickbooksId: c.quickbooksId, status: c.status })
    for (const a of snapshot.pom.appointments) this.appointments.set(a.id, { customerId: a.customerId })
    for (const s of snapshot.pom.services) this.services.set(s.id, { customerId: s.customerId })
  }

  private pick<K extends string, V>(map: Map<string, V>, ids: ReadonlyArray<K>): ReadonlyMap<K, V> {
    const out = new Map<K, V>()
    for (const id of ids) {
      const v = map.get(id)
      if (v !== undefined) out.set(id, { ...v })
    }
    return out
  }

  layer(pomMode: "api" | "worklist" = "api") {
    const qbo = Layer.succeed(QboTarget, {
      readInvoices: (ids) => Effect.sync(() => this.pick(this.invoices, ids)),
      readCustomers: (ids) => Effect.sync(() => this.pick(this.qboCustomers, ids)),
      moveInvoices: (moves) =>
        Effect.sync(() =>
          moves.map((m): WriteOutcome<InvoiceState> => {
            const refused = this.beforeWrite(m.invoiceId)
            if (refused !== undefined) return refused
            const inv = this.invoices.get(m.invoiceId)
            if (inv === undefined) return { ok: false, code: "610", message: "Object Not Found", stale: false }
            if (inv.syncToken !== m.syncToken) return { ok: false, code: "5010", message: "Stale Object Error", stale: true }
            const from = this.qboCustomers.get(inv.customerId)
            const to = this.qboCustomers.get(m.to)
            if (to === undefined || !to.active) return { ok: false, code: "610", message: "Object Not Found", stale: false }
            if (from !== undefined) from.balance -= inv.balance
            to.balance += inv.balance
            inv.customerId = m.to
            inv.syncToken = String(Number(inv.syncToken) + 1)
            this.writes.push({ system: "qbo", id: m.invoiceId, requestId: m.requestId })
            return { ok: true, state: { syncToken: inv.syncToken, customerId: inv.customerId } }
          })
        ),
      inactivateCustomer: ({ id, syncToken, requestId }) =>
        Effect.sync((): WriteOutcome<QboCustomerState> => {
          const c = this.qboCustomers.get(id)
          if (c === undefined) return { ok: false, code: "610", message: "Object Not Found", stale: false }
          if (c.syncToken !== syncToken) return { ok: false, code: "5010", message: "Stale Object Error", stale: true }
          if (Math.round(c.balance * 100) !== 0) return { ok: false, code: "6000", message: "Delete List Has Balance Error", stale: false }
          c.active = false
          c.syncToken = String(Number(c.syncToken) + 1)
          this.writes.push({ system: "qbo", id, requestId })
          return { ok: true, state: { ...c } }
        }),
      reactivateCustomer: ({ id, syncToken, requestId }) =>
        Effect.sync((): WriteOutcome<QboCustomerState> => {
          const c = this.qboCustomers.get(id)
          if (c === undefined) return { ok: false, code: "610", message: "Object Not Found", stale: false }
          if (c.syncToken !== syncToken) return { ok: false, code: "5010", message: "Stale Object Error", stale: true }
          c.active = true
          c.syncToken = String(Number(c.syncToken) + 1)
          this.writes.push({ system: "qbo", id, requestId })
          return { ok: true, state: { ...c } }
        })
    })
    const pomWrite = <S>(id: string, requestId: string, apply: () => S | undefined): WriteOutcome<S> => {
      const refused = this.beforeWrite(id)
      if (refused !== undefined) return refused
      const state = apply()
      if (state === undefined) return { ok: false, code: "NOT_FOUND", message: `${id} not found`, stale: false }
      this.writes.push({ system: "pom", id, requestId })
      return { ok: true, state }
    }
    const pom = Layer.succeed(PomTarget, {
      mode: pomMode,
      readCustomers: (ids) => Effect.sync(() => (pomMode === "api" ? this.pick(this.pomCustomers, ids) : new Map())),
      readAppointments: (ids) => Effect.sync(() => (pomMode === "api" ? this.pick(this.appointments, ids) : new Map())),
      readServices: (ids) => Effect.sync(() => (pomMode === "api" ? this.pick(this.services, ids) : new Map())),
      updateCustomer: (id, patch, requestId) =>
        Effect.sync(() =>
          pomWrite(id, requestId, () => {
            const c = this.pomCustomers.get(id)
            if (c === undefined) return undefined
            if (patch.quickbooksId !== undefined) c.quickbooksId = patch.quickbooksId
            if (patch.status !== undefined) c.status = patch.status
            return { ...c }
          })
        ),
      moveAppointment: (id, to, requestId) =>
        Effect.sync(() =>
          pomWrite(id, requestId, () => {
            const a = this.appointments.get(id)
            if (a === undefined) return undefined
            a.customerId = to
            return { ...a }
          })
        ),
      moveService: (id, to, requestId) =>
        Effect.sync(() =>
          pomWrite(id, requestId, () => {
            const s = this.services.get(id)
            if (s === undefined) return undefined
            s.customerId = to
            return { ...s }
          })
        )
    })
    return Layer.merge(qbo, pom)
  }
}
