import { type Fault, faults, qboTime } from "./QboFaults.ts"
import { isRecord, type RawEntity } from "./QboQueryEngine.ts"

export type EntityName = "Customer" | "Invoice"

export interface QboCompanySeed {
  readonly customers: ReadonlyArray<unknown>
  readonly invoices: ReadonlyArray<unknown>
  /** Invoices dated on or before this day (YYYY-MM-DD) are in a closed period: any change is a 6210. */
  readonly closingDate?: string | null
  /** Payments already on a bank deposit: an invoice they pay can't move to another customer (6540). */
  readonly depositedPaymentIds?: ReadonlyArray<string>
  /** `CompanyInfo.Country`: QBO's code of the company's country ("US", "CA", "GB", "AU"). Default US. */
  readonly country?: string
}

export type WriteOutcome = { readonly ok: true; readonly entity: RawEntity } | { readonly ok: false; readonly fault: Fault }

const deletedSuffix = " (deleted)"

// Fields a client can send but QBO computes itself; a sparse update that carries them leaves them alone.
const customerComputed = new Set(["Id", "SyncToken", "sparse", "domain", "MetaData", "Balance", "BalanceWithJobs", "FullyQualifiedName", "Level"])
const invoiceComputed = new Set(["Id", "SyncToken", "sparse", "domain", "MetaData", "Balance", "TotalAmt", "HomeBalance", "HomeTotalAmt"])

// The seed objects are served as they are, without copies (300,000 invoices are big): nothing here changes an
// entity in place, an update always stores a new object.
const toMap = (entities: ReadonlyArray<unknown>, name: EntityName): Map<string, RawEntity> => {
  const map = new Map<string, RawEntity>()
  for (const raw of entities) {
    if (!isRecord(raw) || typeof raw["Id"] !== "string") {
      throw new Error(`Seed ${name} without a string Id: ${JSON.stringify(raw).slice(0, 200)}`)
    }
    map.set(raw["Id"], raw)
  }
  return map
}

const cents = (n: number): number => Math.round(n * 100) / 100
const numberField = (entity: RawEntity, key: string): number => (typeof entity[key] === "number" ? Number(entity[key]) : 0)
const refValue = (value: unknown): string | undefined =>
  isRecord(value) && typeof value["value"] === "string" ? value["value"] : undefined
const stripDeleted = (name: string): string => (name.endsWith(deletedSuffix) ? name.slice(0, -deletedSuffix.length) : name)

type Checked = { readonly ok: true; readonly id: string; readonly current: RawEntity } | { readonly ok: false; readonly fault: Fault }

/** One QBO company's customers and invoices, with the business rules QBO applies to sparse updates. */
export class QboCompany {
  readonly customers: Map<string, RawEntity>
  readonly invoices: Map<string, RawEntity>
  closingDate: string | null
  readonly depositedPaymentIds: Set<string>
  readonly country: string
  /** Bumped on every write, so cached query selections know they are out of date. */
  version = 0

  constructor(seed: QboCompanySeed) {
    this.customers = toMap(seed.customers, "Customer")
    this.invoices = toMap(seed.invoices, "Invoice")
    this.closingDate = seed.closingDate ?? null
    this.depositedPaymentIds = new Set(seed.depositedPaymentIds ?? [])
    this.country = seed.country ?? "US"
  }

  list(entity: EntityName): Map<string, RawEntity> {
    return entity === "Customer" ? this.customers : this.invoices
  }

  private check(entity: EntityName, body: unknown): Checked {
    if (!isRecord(body)) return { ok: false, fault: faults.requiredParam(entity) }
    const id = body["Id"]
    const syncToken = body["SyncToken"]
    if (typeof id !== "string" || id === "") return { ok: false, fault: faults.requiredParam("Id") }
    if (typeof syncToken !== "string" || syncToken === "") return { ok: false, fault: faults.requiredParam("SyncToken") }
    const current = this.list(entity).get(id)
    if (current === undefined) return { ok: false, fault: faults.objectNotFound(entity, id) }
    if (String(current["SyncToken"]) !== syncToken) return { ok: false, fault: faults.stale(entity) }
    return { ok: true, id, current }
  }

  private merged(current: RawEntity, body: RawEntity, computed: ReadonlySet<string>): RawEntity {
    // A full update sets every writable field it leaves out to null, i.e. drops it; a sparse one keeps it.
    const next: RawEntity = {}
    for (const [key, value] of Object.entries(current)) {
      if (body["sparse"] === true || computed.has(key)) next[key] = value
    }
    for (const [key, value] of Object.entries(body)) {
      if (!computed.has(key)) next[key] = value
    }
    return next
  }

  private stamp(next: RawEntity, current: RawEntity, now: Date): RawEntity {
    const meta = isRecord(current["MetaData"]) ? current["MetaData"] : {}
    next["SyncToken"] = String(Number(current["SyncToken"]) + 1)
    next["MetaData"] = { ...meta, LastUpdatedTime: qboTime(now, false) }
    next["sparse"] = false
    this.version++
    return next
  }

  private nameTaken(name: string, exceptId: string): boolean {
    const wanted = name.toLowerCase()
    for (const [id, customer] of this.customers) {
      if (id !== exceptId && String(customer["DisplayName"]).toLowerCase() === wanted) return true
    }
    return false
  }

  updateCustomer(body: unknown, now: Date): WriteOutcome {
    const checked = this.check("Customer", body)
    if (!checked.ok || !isRecord(body)) return checked.ok ? { ok: false, fault: faults.requiredParam("Customer") } : checked
    const { id, current } = checked
    const next = this.merged(current, body, customerComputed)
    const wasActive = current["Active"] !== false
    const willBeActive = next["Active"] !== false
    if (wasActive && !willBeActive && numberField(current, "Balance") !== 0) return { ok: false, fault: faults.hasBalance() }
    // DisplayName can't be removed by an update; QBO marks an inactive customer's name with " (deleted)".
    const requested = typeof body["DisplayName"] === "string" && body["DisplayName"] !== "" ? body["DisplayName"] : null
    const baseName = stripDeleted(requested ?? String(current["DisplayName"] ?? ""))
    const finalName = willBeActive ? baseName : `${baseName}${deletedSuffix}`
    if (finalName.toLowerCase() !== String(current["DisplayName"]).toLowerCase() && this.nameTaken(finalName, id)) {
      return { ok: false, fault: faults.duplicateName() }
    }
    next["DisplayName"] = finalName
    const qualified = String(current["FullyQualifiedName"] ?? current["DisplayName"] ?? "")
    const parentPath = qualified.includes(":") ? qualified.slice(0, qualified.lastIndexOf(":") + 1) : ""
    next["FullyQualifiedName"] = `${parentPath}${finalName}`
    const stamped = this.stamp(next, current, now)
    this.customers.set(id, stamped)
    return { ok: true, entity: stamped }
  }

  private inClosedPeriod(txnDate: unknown): boolean {
    return this.closingDate !== null && typeof txnDate === "string" && txnDate.slice(0, 10) <= this.closingDate
  }

  private adjustBalance(customerId: string | undefined, delta: number): void {
    const customer = customerId === undefined ? undefined : this.customers.get(customerId)
    if (customer === undefined || customerId === undefined) return
    this.customers.set(customerId, {
      ...customer,
      Balance: cents(numberField(customer, "Balance") + delta),
      BalanceWithJobs: cents(numberField(customer, "BalanceWithJobs") + delta)
    })
  }

  updateInvoice(body: unknown, now: Date): WriteOutcome {
    const checked = this.check("Invoice", body)
    if (!checked.ok || !isRecord(body)) return checked.ok ? { ok: false, fault: faults.requiredParam("Invoice") } : checked
    const { id, current } = checked
    if (this.inClosedPeriod(current["TxnDate"]) || this.inClosedPeriod(body["TxnDate"])) {
      return { ok: false, fault: faults.closedPeriod() }
    }
    const fromId = refValue(current["CustomerRef"])
    const toId = body["CustomerRef"] === undefined ? undefined : refValue(body["CustomerRef"])
    if (body["CustomerRef"] !== undefined && toId === undefined) return { ok: false, fault: faults.requiredParam("CustomerRef") }
    const target = toId === undefined ? undefined : this.customers.get(toId)
    const moving = toId !== undefined && toId !== fromId
    if (moving) {
      if (target === undefined) return { ok: false, fault: faults.invalidReference(toId) }
      if (target["Active"] === false) return { ok: false, fault: faults.objectNotFound("Customer", toId) }
      const linked = Array.isArray(current["LinkedTxn"]) ? current["LinkedTxn"] : []
      const deposited = linked.some(
        (txn) => isRecord(txn) && txn["TxnType"] === "Payment" && this.depositedPaymentIds.has(String(txn["TxnId"]))
      )
      if (deposited) return { ok: false, fault: faults.deposited() }
    }
    const next = this.merged(current, body, invoiceComputed)
    if (toId !== undefined && target !== undefined) next["CustomerRef"] = { value: toId, name: target["DisplayName"] }
    const stamped = this.stamp(next, current, now)
    this.invoices.set(id, stamped)
    if (moving) {
      // The invoice's open balance moves with it, as it does when the customer is changed in QBO.
      this.adjustBalance(fromId, -numberField(current, "Balance"))
      this.adjustBalance(toId, numberField(current, "Balance"))
    }
    return { ok: true, entity: stamped }
  }

  update(entity: EntityName, body: unknown, now: Date): WriteOutcome {
    return entity === "Customer" ? this.updateCustomer(body, now) : this.updateInvoice(body, now)
  }
}
