import {
  type Blocker,
  InvoiceHasPayment,
  InvoiceInClosedPeriod,
  OpenBalance
} from "../domain/Blocker.ts"
import { type CalendarDate, isOnOrBefore } from "../domain/CalendarDate.ts"
import type { PomCustomerId, QboCustomerId } from "../domain/Ids.ts"
import { invoiceNumber } from "../domain/invoiceNumber.ts"
import {
  InactivatePomCustomer,
  InactivateQboCustomer,
  MoveAppointment,
  MoveInvoice,
  MoveService,
  type PlanStep,
  SetQuickbooksId,
  stepPhase
} from "../domain/PlanStep.ts"
import type { RecordIndex } from "./RecordIndex.ts"

/** Invoices linked to these can't have their customer changed by API without breaking the link (domain-facts 2.7). */
const BLOCKING_LINKED_TYPES = new Set(["Payment", "CreditMemo", "Deposit", "JournalEntry", "ReceivePayment"])

export interface StepInputs {
  readonly keeper: PomCustomerId | null
  readonly duplicates: ReadonlyArray<PomCustomerId>
  readonly correct: QboCustomerId | null
  readonly wrong: ReadonlyArray<QboCustomerId>
  /**
   * POM accounts that are not merged into the keeper but must point at the correct QBO customer too: the several
   * properties of one payer, when an admin has chosen which of the payer's QBO duplicates holds its history.
   */
  readonly alsoRelink?: ReadonlyArray<PomCustomerId>
  /** QBO customers outside the case that active POM accounts outside the case still point at. */
  readonly linkedFromOutside: (id: QboCustomerId) => ReadonlyArray<PomCustomerId>
  readonly booksClosedThrough: CalendarDate | null
}

export interface PlannedSteps {
  readonly steps: ReadonlyArray<PlanStep>
  readonly blockers: ReadonlyArray<Blocker>
  readonly notes: ReadonlyArray<string>
}

const cents = (n: number) => Math.round(n * 100)

/**
 * The steps that fix a case, in the order they must run, with the before-state each expects. Pure: everything
 * comes from the snapshot index, so the same snapshot always gives the same plan.
 */
export const planSteps = (index: RecordIndex, input: StepInputs): PlannedSteps => {
  const steps: Array<PlanStep> = []
  const blockers: Array<Blocker> = []
  const notes: Array<string> = []
  const { keeper, correct } = input

  // 1. QBO: move every invoice of a wrong QBO customer to the correct one; retire the wrong one if it ends empty.
  if (correct !== null) {
    for (const wrongId of input.wrong) {
      const wrong = index.qbo.get(wrongId)
      if (wrong === undefined) continue
      let moved = 0
      for (const inv of index.invoicesOf(wrongId)) {
        const linked = inv.linkedTxns.filter((t) => BLOCKING_LINKED_TYPES.has(t.txnType))
        if (linked.length > 0) {
          blockers.push(
            new InvoiceHasPayment({
              invoiceId: inv.id,
              docNumber: inv.docNumber,
              txnTypes: [...new Set(linked.map((t) => t.txnType))]
            })
          )
        }
        if (input.booksClosedThrough !== null && inv.txnDate !== null && isOnOrBefore(inv.txnDate, input.booksClosedThrough)) {
          blockers.push(
            new InvoiceInClosedPeriod({
              invoiceId: inv.id,
              docNumber: inv.docNumber,
              txnDate: inv.txnDate,
              closedThrough: input.booksClosedThrough
            })
          )
        }
        moved += cents(inv.balance)
        steps.push(
          new MoveInvoice({
            invoiceId: inv.id,
            docNumber: inv.docNumber,
            amount: inv.totalAmt,
            from: wrongId,
            to: correct,
            before: { syncToken: inv.syncToken, customerId: wrongId },
            reason: `invoice ${invoiceNumber(inv.docNumber, inv.id)} belongs to the customer's history on QBO ${correct}`
          })
        )
      }
      const remaining = cents(wrong.balance) - moved
      const stillLinked = input.linkedFromOutside(wrongId)
      // An invoice that could not be read may still be on it: emptied by what was seen is not emptied.
      const unseenInvoices = index.unreadableTouching("qbo", wrongId).filter((r) => r.kind === "invoice")
      if (unseenInvoices.length > 0) {
        notes.push(
          `QBO ${wrongId} is kept active: invoice ${unseenInvoices.map((r) => `${r.id} (${r.file} line ${r.line})`).join(", ")} could not be read`
        )
      } else if (stillLinked.length > 0) {
        if (remaining !== 0) blockers.push(new OpenBalance({ qboCustomerId: wrongId, remaining: remaining / 100 }))
        notes.push(`QBO ${wrongId} is kept active: POM ${stillLinked.join(", ")} outside this case still points at it`)
      } else if (remaining !== 0) {
        // Planned all the same, so the admin's work is on the QBO worklist and the case waits for it to be seen.
        blockers.push(new OpenBalance({ qboCustomerId: wrongId, remaining: remaining / 100 }))
        if (wrong.active) {
          steps.push(
            new InactivateQboCustomer({
              qboCustomerId: wrongId,
              before: { syncToken: wrong.syncToken, active: wrong.active, balance: wrong.balance },
              reason: `duplicate of QBO ${correct}; its open balance of ${(remaining / 100).toFixed(2)} must be settled by hand first`
            })
          )
        }
      } else if (wrong.active) {
        steps.push(
          new InactivateQboCustomer({
            qboCustomerId: wrongId,
            before: { syncToken: wrong.syncToken, active: wrong.active, balance: wrong.balance },
            reason: `duplicate of QBO ${correct}, left with no invoices and no balance`
          })
        )
      }
    }
  }

  // 2. POM: move the duplicates' history to the keeper.
  if (keeper !== null) {
    for (const dup of input.duplicates) {
      for (const a of index.appointmentsOf(dup)) {
        steps.push(
          new MoveAppointment({
            appointmentId: a.id,
            from: dup,
            to: keeper,
            before: { customerId: dup },
            reason: `POM ${dup} is a duplicate of ${keeper}`
          })
        )
      }
      for (const s of index.servicesOf(dup)) {
        steps.push(
          new MoveService({
            serviceId: s.id,
            from: dup,
            to: keeper,
            before: { customerId: dup },
            reason: `POM ${dup} is a duplicate of ${keeper}`
          })
        )
      }
    }
  }

  // 3. POM: point the keeper at the correct QBO customer. A duplicate that pointed at it takes the keeper's old id,
  // as the help article swaps them, so two POM accounts never sync to one QBO customer; it is retired next.
  const keeperRecord = keeper === null ? undefined : index.pom.get(keeper)
  if (keeperRecord !== undefined && correct !== null && keeperRecord.quickbooksId !== correct) {
    const old = keeperRecord.quickbooksId
    steps.push(
      new SetQuickbooksId({
        pomCustomerId: keeperRecord.id,
        from: old,
        to: correct,
        before: { quickbooksId: old },
        reason: `QBO ${correct} holds this customer's invoices`
      })
    )
    for (const dup of input.duplicates) {
      const d = index.pom.get(dup)
      if (d === undefined || d.quickbooksId !== correct) continue
      steps.push(
        new SetQuickbooksId({
          pomCustomerId: dup,
          from: correct,
          to: old,
          before: { quickbooksId: correct },
          reason: `swap with ${keeperRecord.id}, as the keeper now uses QBO ${correct}`
        })
      )
    }
    if (old !== null && !input.wrong.includes(old)) {
      const target = index.qbo.get(old)
      const unreadable = index.unreadableQbo(old)
      notes.push(
        unreadable !== undefined
          ? `POM ${keeperRecord.id} pointed at QBO ${old}, which could not be read (${unreadable.file} line ${unreadable.line})`
          : target === undefined
          ? `POM ${keeperRecord.id} pointed at QBO ${old}, which does not exist`
          : target.active
            ? `POM ${keeperRecord.id} pointed at QBO ${old} (${target.displayName}), a different customer, which is left as it is`
            : `POM ${keeperRecord.id} pointed at QBO ${old} (${target.displayName}), which is inactive`
      )
    }
  }

  if (correct !== null) {
    for (const id of input.alsoRelink ?? []) {
      const other = index.pom.get(id)
      if (other === undefined || other.id === keeper || other.quickbooksId === correct) continue
      steps.push(
        new SetQuickbooksId({
          pomCustomerId: other.id,
          from: other.quickbooksId,
          to: correct,
          before: { quickbooksId: other.quickbooksId },
          reason: `another property of the payer whose history is on QBO ${correct}`
        })
      )
    }
  }

  // 4. POM: retire the duplicates.
  for (const dup of input.duplicates) {
    const d = index.pom.get(dup)
    if (d === undefined || d.status === "INACTIVE") continue
    steps.push(
      new InactivatePomCustomer({
        pomCustomerId: dup,
        before: { status: d.status },
        reason: `duplicate of POM ${keeper ?? "?"}, its history moved`
      })
    )
  }

  // Stable sort by phase: invoices, POM history, links, then inactivation (QBO last, once nothing points at it).
  const ordered = steps.map((s, i) => ({ s, i })).sort((a, b) => stepPhase(a.s) - stepPhase(b.s) || a.i - b.i)
  return { steps: ordered.map((x) => x.s), blockers, notes }
}
