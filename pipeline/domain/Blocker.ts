import { Match, Schema } from "effect"
import { PomCustomerId, QboCustomerId, QboInvoiceId } from "./Ids.ts"
import { invoiceNumber } from "./invoiceNumber.ts"
import { thresholdText } from "./thresholdText.ts"

/*
 * Why a case needs a person. Closed, so every place that explains or counts blockers must handle a new kind.
 */

/** An invoice with a linked payment or credit: changing its customer via the API breaks the payment link. */
export class InvoiceHasPayment extends Schema.TaggedClass<InvoiceHasPayment>()("invoice-has-payment", {
  invoiceId: QboInvoiceId,
  docNumber: Schema.String,
  txnTypes: Schema.Array(Schema.String)
}) {}

/** An invoice dated in a closed accounting period: QBO refuses the edit (6210). */
export class InvoiceInClosedPeriod extends Schema.TaggedClass<InvoiceInClosedPeriod>()("invoice-in-closed-period", {
  invoiceId: QboInvoiceId,
  docNumber: Schema.String,
  txnDate: Schema.String,
  closedThrough: Schema.String
}) {}

/** A wrong QBO customer whose balance is not explained by the invoices that move: it cannot be retired by API. */
export class OpenBalance extends Schema.TaggedClass<OpenBalance>()("open-balance", {
  qboCustomerId: QboCustomerId,
  remaining: Schema.Number
}) {}

/** A sub-customer or a parent of one: QBO's hierarchy rules make these a manual job. */
export class SubCustomer extends Schema.TaggedClass<SubCustomer>()("sub-customer", {
  qboCustomerId: QboCustomerId
}) {}

/** Two records on one side both hold real history, so which one to keep is a judgement call. */
export class KeeperUnclear extends Schema.TaggedClass<KeeperUnclear>()("keeper-unclear", {
  system: Schema.Literal("pom", "qbo"),
  ids: Schema.Array(Schema.String),
  counts: Schema.Array(Schema.Number)
}) {}

/** More than two accounts on one side of one case. */
export class TooManyAccounts extends Schema.TaggedClass<TooManyAccounts>()("too-many-accounts", {
  system: Schema.Literal("pom", "qbo"),
  count: Schema.Number
}) {}

/** The weakest match holding the case together is below the auto-proposal threshold. */
export class LowConfidence extends Schema.TaggedClass<LowConfidence>()("low-confidence", {
  confidence: Schema.Number,
  threshold: Schema.Number
}) {}

/** One payer shared by several properties while its QBO side also has duplicates: the moves interact. */
export class SharedPayer extends Schema.TaggedClass<SharedPayer>()("shared-payer", {
  pomIds: Schema.Array(PomCustomerId)
}) {}

/** A POM link to a QBO id that does not exist or is inactive, with no confident match to relink it to. */
export class BrokenLinkNoMatch extends Schema.TaggedClass<BrokenLinkNoMatch>()("broken-link-no-match", {
  pomCustomerId: PomCustomerId,
  quickbooksId: QboCustomerId,
  why: Schema.Literal("missing", "inactive")
}) {}

/** The POM account matches QBO customers that are not duplicates of each other. */
export class AmbiguousQboMatch extends Schema.TaggedClass<AmbiguousQboMatch>()("ambiguous-qbo-match", {
  qboIds: Schema.Array(QboCustomerId)
}) {}

/**
 * A record of the case's customers could not be read (its row is in rejected.csv): the case rests on a partial
 * picture, and a plan made from it might retire a customer with invoices or relink past a record never seen.
 */
export class UnreadableRecordBlocker extends Schema.TaggedClass<UnreadableRecordBlocker>()("unreadable-record", {
  system: Schema.Literal("pom", "qbo"),
  kind: Schema.Literal("customer", "appointment", "service", "invoice"),
  id: Schema.String,
  /** The customer a history row or invoice belongs to. */
  customerId: Schema.NullOr(Schema.String),
  file: Schema.String,
  line: Schema.Number
}) {}

export const Blocker = Schema.Union(
  InvoiceHasPayment,
  InvoiceInClosedPeriod,
  OpenBalance,
  SubCustomer,
  KeeperUnclear,
  TooManyAccounts,
  LowConfidence,
  SharedPayer,
  BrokenLinkNoMatch,
  AmbiguousQboMatch,
  UnreadableRecordBlocker
)
export type Blocker = typeof Blocker.Type

/**
 * What it takes to lift a blocker, which decides what an approval may do:
 * - `choice`: a judgement the admin makes in the review file (`choose_keep_pom_id`, `choose_correct_qbo_id`,
 *   `exclude_ids`); apply then plans the chosen variant. Approving without the choice is refused.
 * - `by-hand`: work in QBO that must never go through the API. The steps it touches go to qbo-worklist.csv and
 *   wait until the work is visible in QBO; the case's other steps may run.
 * - `cannot-apply`: nothing apply could do makes the case safe (a link to fix in POM, an input row to fix); the
 *   case is refused with the reason, and a later run proposes it again once the source is fixed.
 */
export type BlockerKind = "choice" | "by-hand" | "cannot-apply"

export const blockerKind: (b: Blocker) => BlockerKind = Match.type<Blocker>().pipe(
  Match.tags({
    "invoice-has-payment": () => "by-hand" as const,
    "invoice-in-closed-period": () => "by-hand" as const,
    "open-balance": () => "by-hand" as const,
    "sub-customer": () => "by-hand" as const,
    "keeper-unclear": () => "choice" as const,
    "too-many-accounts": () => "choice" as const,
    "low-confidence": () => "choice" as const,
    "shared-payer": () => "choice" as const,
    "ambiguous-qbo-match": () => "choice" as const,
    "broken-link-no-match": () => "cannot-apply" as const,
    "unreadable-record": () => "cannot-apply" as const
  }),
  Match.exhaustive
)

const money = (n: number): string => n.toFixed(2)

// Rounded down, so a confidence just under its threshold never reads as equal to it.
const confidenceBelow = (p: number): string => thresholdText(Math.floor(Number(p.toFixed(6)) * 10_000) / 10_000)

/** One sentence an admin can act on. */
export const describeBlocker: (b: Blocker) => string = Match.type<Blocker>().pipe(
  Match.tags({
    "invoice-has-payment": (b) =>
      `invoice ${invoiceNumber(b.docNumber, b.invoiceId)} has a linked ${b.txnTypes.join("/")}: unapply it in QBO, move the invoice by hand, then re-apply`,
    "invoice-in-closed-period": (b) =>
      `invoice ${invoiceNumber(b.docNumber, b.invoiceId)} is dated ${b.txnDate}, inside the books closed through ${b.closedThrough}`,
    "open-balance": (b) =>
      `QBO customer ${b.qboCustomerId} would keep an open balance of ${money(b.remaining)} not explained by its invoices`,
    "sub-customer": (b) => `QBO customer ${b.qboCustomerId} is a sub-customer or has sub-customers`,
    "keeper-unclear": (b) =>
      `${b.system === "pom" ? "POM accounts" : "QBO customers"} ${b.ids.join(" and ")} both hold real history (${b.counts.join(" vs ")}): choose the keeper`,
    "too-many-accounts": (b) => `${b.count} ${b.system === "pom" ? "POM accounts" : "QBO customers"} in one case`,
    "low-confidence": (b) => `match confidence ${confidenceBelow(b.confidence)} is below ${thresholdText(b.threshold)}`,
    "shared-payer": (b) =>
      `the QBO payer is shared by several properties (${b.pomIds.join(", ")}) and has duplicates itself`,
    "broken-link-no-match": (b) =>
      `POM ${b.pomCustomerId} points at QBO ${b.quickbooksId}, which is ${b.why === "missing" ? "not in QBO" : "inactive"}, and no active QBO customer matches it`,
    "ambiguous-qbo-match": (b) => `matches several different QBO customers (${b.qboIds.join(", ")})`,
    "unreadable-record": (b) =>
      `${b.system === "pom" ? "POM" : "QBO"} ${b.kind} ${b.id}${b.customerId === null ? "" : ` of customer ${b.customerId}`} could not be read (${b.file} line ${b.line}, see rejected.csv): fix that row at the source and run again`
  }),
  Match.exhaustive
)
