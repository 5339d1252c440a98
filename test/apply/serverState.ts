import type { Case } from "../../pipeline/domain/Case.ts"
import type { PlanStep } from "../../pipeline/domain/PlanStep.ts"
import type { Company } from "../generator/Company.ts"
import type { TruthCase } from "../generator/Truth.ts"
import type { PomServer } from "../servers/pom/startPomServer.ts"
import type { QboServer } from "../servers/qbo/QboServer.ts"
import { isRecord } from "../servers/qbo/QboQueryEngine.ts"

/*
 * What the two local servers hold and wrote, read the way a test can hold apply to: the end state the generator's
 * truth asks for, records left exactly as generated, and one server write per approved plan step.
 */

export interface Servers {
  readonly qbo: QboServer
  readonly pom: PomServer
  readonly company: Company
}

const refValue = (value: unknown): string | undefined => (isRecord(value) && typeof value["value"] === "string" ? value["value"] : undefined)

export const invoiceCustomer = (s: Servers, invoiceId: string): string | undefined => refValue(s.qbo.state.invoices.get(invoiceId)?.["CustomerRef"])
export const qboActive = (s: Servers, customerId: string): boolean | undefined => {
  const c = s.qbo.state.customers.get(customerId)
  return c === undefined ? undefined : c["Active"] !== false
}

/**
 * Changes a QBO record behind the tool's back, as a person in QBO's own screens would: a new object with the
 * SyncToken bumped (unless the change sets its own), and the query cache told that the company changed.
 */
export const editQbo = (s: Servers, entity: "Customer" | "Invoice", id: string, change: Readonly<Record<string, unknown>>): void => {
  const list = entity === "Customer" ? s.qbo.state.customers : s.qbo.state.invoices
  const current = list.get(id)
  if (current === undefined) throw new Error(`no QBO ${entity} ${id}`)
  list.set(id, { ...current, SyncToken: String(Number(current["SyncToken"]) + 1), ...change })
  s.qbo.state.version++
}

/** Every way the servers differ from the fix the truth names for a case; empty when the case was fixed. */
export const fixProblems = (s: Servers, t: TruthCase): ReadonlyArray<string> => {
  const problems: Array<string> = []
  for (const id of t.invoicesToMove) {
    const on = invoiceCustomer(s, id)
    if (on !== t.correctQboId) problems.push(`invoice ${id} is on QBO ${on}, not ${t.correctQboId}`)
  }
  const keeper = s.pom.state.customers.get(t.keepPomId)
  if (keeper?.quickbooksId !== t.correctQboId) problems.push(`keeper ${t.keepPomId} points at QBO ${keeper?.quickbooksId}, not ${t.correctQboId}`)
  if (keeper?.status === "INACTIVE") problems.push(`keeper ${t.keepPomId} is inactive`)
  for (const id of t.mergePomIds) {
    if (s.pom.state.customers.get(id)?.status !== "INACTIVE") problems.push(`duplicate POM ${id} is still ${s.pom.state.customers.get(id)?.status}`)
    const left = [...s.pom.state.appointmentsOf(id), ...s.pom.state.servicesOf(id)]
    if (left.length > 0) problems.push(`duplicate POM ${id} still holds ${left.map((x) => x.id).join(", ")}`)
  }
  for (const id of t.wrongQboIds) if (qboActive(s, id) !== false) problems.push(`wrong QBO customer ${id} is still active`)
  if (qboActive(s, t.correctQboId) !== true) problems.push(`correct QBO customer ${t.correctQboId} is not active`)
  return problems
}

/** Every way the servers differ from the truth's fix for the truth cases these stored cases hold, by case. */
export const unfixed = (s: Servers, cases: ReadonlyArray<Case>): ReadonlyArray<string> =>
  s.company.truth.cases.flatMap((t) => {
    const c = caseFor(cases, t)
    return c === undefined ? [] : fixProblems(s, t).map((problem) => `${c.id} (${t.recipe}): ${problem}`)
  })

/**
 * Records of these ids (with their invoices, appointments and services) that differ from the generated company.
 * The servers store a new object on every write, so a record nobody wrote to is deeply equal to its seed.
 */
export const changedRecords = (
  s: Servers,
  ids: { readonly pomIds: ReadonlyArray<string>; readonly qboIds: ReadonlyArray<string> }
): ReadonlyArray<string> => {
  const changed: Array<string> = []
  const qboIds = new Set(ids.qboIds)
  const pomIds = new Set(ids.pomIds)
  for (const seed of s.company.qbo.customers) {
    if (qboIds.has(seed.Id) && JSON.stringify(s.qbo.state.customers.get(seed.Id)) !== JSON.stringify(seed)) changed.push(`QBO customer ${seed.Id}`)
  }
  for (const seed of s.company.qbo.invoices) {
    if (qboIds.has(seed.CustomerRef.value) && JSON.stringify(s.qbo.state.invoices.get(seed.Id)) !== JSON.stringify(seed)) changed.push(`invoice ${seed.Id}`)
  }
  for (const seed of s.company.pom.customers) {
    const now = s.pom.state.customers.get(seed.id)
    if (pomIds.has(seed.id) && (now?.status !== (seed.status || "ACTIVE").toUpperCase() || (now.quickbooksId ?? "") !== seed.quickbooksId || now.updatedAt !== (seed.updatedAt || null))) {
      changed.push(`POM customer ${seed.id}`)
    }
  }
  for (const seed of [...s.company.pom.appointments, ...s.company.pom.services]) {
    const now = s.pom.state.appointments.get(seed.id) ?? s.pom.state.services.get(seed.id)
    if (pomIds.has(seed.customerId) && now?.customerId !== seed.customerId) changed.push(`POM item ${seed.id}`)
  }
  return changed
}

/** The write a step makes, as "system:record:changed fields", the same on every resend. */
export const stepWriteKey = (step: PlanStep): string => {
  switch (step._tag) {
    case "move-invoice":
      return `qbo:Invoice:${step.invoiceId}:CustomerRef`
    case "inactivate-qbo-customer":
      return `qbo:Customer:${step.qboCustomerId}:Active`
    case "move-appointment":
      return `pom:updateAppointment:${step.appointmentId}:customerId`
    case "move-service":
      return `pom:updateService:${step.serviceId}:customerId`
    case "set-quickbooks-id":
      return `pom:updateCustomer:${step.pomCustomerId}:quickbooksId`
    case "inactivate-pom-customer":
      return `pom:updateCustomer:${step.pomCustomerId}:status`
  }
}

const bookkeeping = new Set(["Id", "SyncToken", "sparse"])

/** How far the servers' write logs reached at some moment, to look only at the writes made after it. */
export interface WriteMark {
  readonly qbo: number
  readonly pom: number
}

export const writeMark = (s: Servers): WriteMark => ({ qbo: s.qbo.log.length, pom: s.pom.log.writes.length })

/** Every write the servers executed, keyed like `stepWriteKey`. Replays by requestid or clientMutationId are not writes. */
export const executedWrites = (s: Servers, since: WriteMark = { qbo: 0, pom: 0 }): ReadonlyArray<string> => [
  ...s.qbo.log.slice(since.qbo).map((w) => `qbo:${w.entity}:${w.id}:${w.fields.filter((f) => !bookkeeping.has(f)).join(",")}`),
  ...s.pom.log.writes.slice(since.pom).map((w) => `pom:${w.operation}:${w.id}:${Object.keys(w.changes).sort().join(",")}`)
]

export interface WriteTally {
  /** Approved steps the servers never executed. */
  readonly missing: ReadonlyArray<string>
  /** Writes executed more than once, with how many times. */
  readonly repeated: ReadonlyArray<string>
  /** Writes no approved step asked for. */
  readonly unexpected: ReadonlyArray<string>
}

/**
 * Holds the servers' write logs (from `since`, by default from the start) to "each approved step exactly once,
 * nothing else".
 */
export const tallyWrites = (s: Servers, approved: ReadonlyArray<Case>, since?: WriteMark): WriteTally => {
  const expected = new Set(approved.flatMap((c) => c.plan.steps.map(stepWriteKey)))
  const counts = new Map<string, number>()
  for (const key of executedWrites(s, since)) counts.set(key, (counts.get(key) ?? 0) + 1)
  return {
    missing: [...expected].filter((key) => !counts.has(key)),
    repeated: [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`),
    unexpected: [...counts.keys()].filter((key) => !expected.has(key))
  }
}

/** The stored case that holds every record of a truth case. */
export const caseFor = (cases: ReadonlyArray<Case>, t: TruthCase): Case | undefined =>
  cases.find((c) => {
    const ids = new Set<string>([...c.pomIds, ...c.qboIds])
    return [...t.pomIds, ...t.qboIds].every((id) => ids.has(id))
  })
