import { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId, QboInvoiceId } from "../../../pipeline/domain/Ids.ts"
import type { MatchEvidence } from "../../../pipeline/domain/MatchEvidence.ts"
import type { PomAppointment, PomCustomer, PomService } from "../../../pipeline/domain/PomRecords.ts"
import type { QboCustomer, QboInvoice } from "../../../pipeline/domain/QboRecords.ts"
import type { Snapshot } from "../../../pipeline/domain/Snapshot.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"

/** Builds small snapshots by hand for the case rules, so each test states only what matters to it. */
export class SnapshotBuilder {
  private readonly pom: Array<PomCustomer> = []
  private readonly appointments: Array<PomAppointment> = []
  private readonly services: Array<PomService> = []
  private readonly qbo: Array<QboCustomer> = []
  private readonly invoices: Array<QboInvoice> = []
  private readonly unreadableRecords: Array<UnreadableRecord> = []
  readonly matches: Array<MatchEvidence> = []
  private seq = 0

  pomCustomer(id: string, opts: { link?: string | null; history?: number; createdAt?: string; status?: PomCustomer["status"]; street?: string } = {}) {
    this.pom.push({
      id: PomCustomerId.make(id),
      firstName: "John",
      lastName: "Doe",
      companyName: "",
      emails: [],
      phones: [],
      serviceAddress: { street: opts.street ?? "1 Main St", city: "Tampa", state: "FL", zip: "33601" },
      billingAddress: null,
      status: opts.status ?? "ACTIVE",
      quickbooksId: opts.link === undefined || opts.link === null ? null : QboCustomerId.make(opts.link),
      createdAt: opts.createdAt ?? "2020-01-01",
      updatedAt: null
    })
    const n = opts.history ?? 0
    for (let i = 0; i < n; i++) {
      // Alternate appointments and services so both kinds of move are planned.
      if (i % 2 === 0) {
        this.appointments.push({
          id: PomAppointmentId.make(`apt_${++this.seq}`),
          customerId: PomCustomerId.make(id),
          scheduledAt: "2024-01-01",
          status: "COMPLETED"
        })
      } else {
        this.services.push({
          id: PomServiceId.make(`svc_${++this.seq}`),
          customerId: PomCustomerId.make(id),
          appointmentId: null,
          completedAt: "2024-01-01"
        })
      }
    }
    return this
  }

  qboCustomer(
    id: string,
    opts: { invoices?: number; balance?: number; active?: boolean; createdAt?: string; paid?: boolean; isJob?: boolean; txnDates?: ReadonlyArray<string> } = {}
  ) {
    const n = opts.invoices ?? 0
    let balance = 0
    for (let i = 0; i < n; i++) {
      const paid = opts.paid === true && i === 0
      this.invoices.push({
        id: QboInvoiceId.make(`${id}0${i}`),
        syncToken: "0",
        docNumber: `D${id}-${i}`,
        txnDate: opts.txnDates?.[i] ?? "2025-06-01",
        customerId: QboCustomerId.make(id),
        totalAmt: 100,
        balance: paid ? 0 : 100,
        linkedTxns: paid ? [{ txnId: "999", txnType: "Payment" }] : []
      })
      balance += paid ? 0 : 100
    }
    this.qbo.push({
      id: QboCustomerId.make(id),
      syncToken: "3",
      displayName: `John Doe ${id}`,
      givenName: "John",
      familyName: "Doe",
      companyName: "",
      emails: [],
      phones: [],
      billAddress: null,
      shipAddress: null,
      active: opts.active ?? true,
      balance: opts.balance ?? balance,
      isJob: opts.isJob ?? false,
      parentId: null,
      createdAt: opts.createdAt ?? "2019-01-01"
    })
    return this
  }

  /**
   * The help article's duplicate pair: John Doe 1 (jd1) has the POM history but points at QBO 3987; John Doe 2
   * (jd2) points at the right QBO customer, 2514, which holds the historical invoices. `wrongInvoices` recent
   * invoices on 3987 make it example 2; none, example 1.
   */
  articlePair(wrongInvoices: number, wrongTxnDates: ReadonlyArray<string> = []) {
    return this.pomCustomer("jd1", { link: "3987", history: 6, createdAt: "2019-05-01" })
      .pomCustomer("jd2", { link: "2514", history: 0, createdAt: "2021-05-01" })
      .qboCustomer("2514", { invoices: 9, createdAt: "2018-01-01" })
      .qboCustomer("3987", { invoices: wrongInvoices, createdAt: "2021-05-01", txnDates: wrongTxnDates })
      .match("pom:jd1", "pom:jd2")
      .match("qbo:2514", "qbo:3987")
      .match("pom:jd1", "qbo:2514")
      .match("pom:jd2", "qbo:2514")
  }

  /** A record whose row was dropped on reading, named by its id (and its customer's, for history). */
  unreadable(
    system: UnreadableRecord["system"],
    kind: UnreadableRecord["kind"],
    id: string,
    opts: { customerId?: string; quickbooksId?: string; file?: string; line?: number } = {}
  ) {
    this.unreadableRecords.push({
      system,
      kind,
      id,
      customerId: opts.customerId ?? null,
      quickbooksId: opts.quickbooksId ?? null,
      file: opts.file ?? (system === "pom" ? "customers.csv" : "customers.json"),
      line: opts.line ?? 7,
      reason: "a required field is not readable"
    })
    return this
  }

  /** Declares two records the same customer with the given probability (and the weight in bits it comes from). */
  match(a: string, b: string, probability = 0.999) {
    const ref = (s: string) => {
      const [system, id] = s.split(":")
      return { system: system === "pom" ? ("pom" as const) : ("qbo" as const), id: id ?? "" }
    }
    const weight = probability < 1 ? Math.log2(probability / (1 - probability)) : 60
    this.matches.push({ left: ref(a), right: ref(b), weight, probability, contributions: [] })
    return this
  }

  build(): Snapshot {
    return {
      source: { pom: "test", qbo: "test" },
      pom: { customers: this.pom, appointments: this.appointments, services: this.services },
      qbo: { customers: this.qbo, invoices: this.invoices },
      unreadable: this.unreadableRecords
    }
  }
}
