import type { EntityName, QboCompany } from "./QboCompany.ts"
import { type Fault, faultBody, faults, qboTime } from "./QboFaults.ts"
import type { HttpReply } from "./QboOAuthState.ts"
import { isRecord, pageRows, type RawEntity, selectionKey, selectRows } from "./QboQueryEngine.ts"
import { parseQboQuery } from "./QboQueryParser.ts"

/** An executed write, for tests to prove that nothing was written twice. */
export interface WriteLogEntry {
  readonly seq: number
  readonly at: number
  readonly entity: EntityName
  readonly id: string
  readonly syncToken: string
  readonly requestId: string | null
  readonly via: "single" | "batch"
  readonly bId: string | null
  /** The keys of the update body as sent, e.g. ["CustomerRef", "Id", "SyncToken", "sparse"]. */
  readonly fields: ReadonlyArray<string>
}

export interface ApiRequest {
  readonly method: string
  /** Path segments after /v3/company/{realm}/, e.g. ["customer", "12"]. */
  readonly segments: ReadonlyArray<string>
  readonly params: URLSearchParams
  readonly body: string
  readonly requestId: string | null
}

export const maxBatchItems = 30

const entityNames: Record<string, EntityName> = { customer: "Customer", invoice: "Invoice" }

const jsonReply = (status: number, body: unknown): HttpReply => ({
  status,
  headers: { "content-type": "application/json;charset=UTF-8" },
  body: JSON.stringify(body)
})

const faultReply = (fault: Fault, now: Date, status = 400): HttpReply => ({
  status,
  headers: { "content-type": "application/json;charset=UTF-8" },
  body: faultBody(fault, now)
})

type ItemResult = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly fault: Fault }

/** Serves the Accounting API for one company: query, read, sparse update and batch. */
export class QboApi {
  private readonly selections = new Map<string, { version: number; rows: ReadonlyArray<RawEntity> }>()
  private seq = 0
  readonly writes: Array<WriteLogEntry> = []

  constructor(readonly company: QboCompany) {}

  /** The fields of QBO's CompanyInfo the client reads (see Intuit's CompanyInfo entity reference). */
  private companyInfo(): RawEntity {
    const country = this.company.country
    return { Id: "1", SyncToken: "0", CompanyName: "Local QBO company", Country: country, CompanyAddr: { Id: "1", Country: country }, domain: "QBO" }
  }

  private runQuery(text: string): ItemResult {
    // The company's settings are one entity, not a list: the only query the client sends for them is all of it.
    if (/^\s*select\s+\*\s+from\s+companyinfo\s*$/i.test(text)) return { ok: true, value: { CompanyInfo: [this.companyInfo()], startPosition: 1, maxResults: 1 } }
    const parsed = parseQboQuery(text)
    if (!parsed.ok) return { ok: false, fault: faults.parse(parsed.detail) }
    const query = parsed.query
    const entity = entityNames[query.entity.toLowerCase()]
    if (entity === undefined) {
      return { ok: false, fault: faults.parse(`QueryValidationError: the local server serves Customer and Invoice, not ${query.entity}`) }
    }
    // Paging through one selection re-reads the cached rows rather than re-filtering 300,000 invoices a page.
    const key = selectionKey(query)
    const cached = this.selections.get(key)
    const rows =
      cached !== undefined && cached.version === this.company.version
        ? cached.rows
        : selectRows(query, this.company.list(entity).values())
    if (cached === undefined || cached.rows !== rows) {
      if (this.selections.size > 16) this.selections.clear()
      this.selections.set(key, { version: this.company.version, rows })
    }
    const outcome = pageRows(query, rows)
    if (query.count) return { ok: true, value: { totalCount: outcome.totalCount } }
    if (outcome.rows.length === 0) return { ok: true, value: {} }
    return {
      ok: true,
      value: { [entity]: outcome.rows, startPosition: query.startPosition, maxResults: outcome.rows.length }
    }
  }

  private write(entity: EntityName, body: unknown, now: Date, requestId: string | null, bId: string | null): ItemResult {
    const outcome = this.company.update(entity, body, now)
    if (!outcome.ok) return outcome
    this.seq++
    this.writes.push({
      seq: this.seq,
      at: now.getTime(),
      entity,
      id: String(outcome.entity["Id"]),
      syncToken: String(outcome.entity["SyncToken"]),
      requestId,
      via: bId === null ? "single" : "batch",
      bId,
      fields: isRecord(body) ? Object.keys(body).sort() : []
    })
    return { ok: true, value: { [entity]: outcome.entity } }
  }

  private batchItem(item: unknown, now: Date, requestId: string | null, seen: Set<string>): Record<string, unknown> {
    const bId = isRecord(item) && typeof item["bId"] === "string" ? item["bId"] : ""
    const fail = (fault: Fault): Record<string, unknown> => ({ bId, Fault: fault })
    if (!isRecord(item) || bId === "") return fail(faults.requiredParam("bId"))
    if (seen.has(bId)) return fail(faults.businessValidation(`bId ${bId} is used twice in this batch.`))
    seen.add(bId)
    if (requestId !== null && bId.length > 10) {
      return fail(faults.businessValidation("With requestid, each bId must be 10 characters or fewer."))
    }
    if (typeof item["Query"] === "string") {
      const result = this.runQuery(item["Query"])
      return result.ok ? { bId, QueryResponse: result.value } : fail(result.fault)
    }
    const entityKey = Object.keys(item).find((key) => key === "Customer" || key === "Invoice")
    const entity = entityKey === undefined ? undefined : entityNames[entityKey.toLowerCase()]
    if (item["operation"] !== "update" || entity === undefined) {
      return fail(faults.unsupported(`${String(item["operation"])} ${entityKey ?? "entity"} in a batch on the local server`))
    }
    const result = this.write(entity, item[entity], now, requestId, bId)
    return result.ok ? { bId, ...result.value } : fail(result.fault)
  }

  private batch(body: string, now: Date, requestId: string | null): HttpReply {
    const parsed = safeJson(body)
    const items = isRecord(parsed) ? parsed["BatchItemRequest"] : undefined
    if (!Array.isArray(items)) return faultReply(faults.requiredParam("BatchItemRequest"), now)
    if (items.length > maxBatchItems) return faultReply(faults.batchTooLarge(items.length), now)
    const seen = new Set<string>()
    const responses = items.map((item) => this.batchItem(item, now, requestId, seen))
    // Like QBO, a batch answers 200 even when items fault; each item must be inspected.
    return jsonReply(200, { BatchItemResponse: responses, time: qboTime(now) })
  }

  handle(request: ApiRequest, now: Date): HttpReply {
    const [resource = "", id] = request.segments.map((segment) => decodeURIComponent(segment))
    const lower = resource.toLowerCase()
    const entity = entityNames[lower]
    if (lower === "query") {
      const text = request.method === "POST" ? request.body : (request.params.get("query") ?? "")
      const result = this.runQuery(text)
      return result.ok ? jsonReply(200, { QueryResponse: result.value, time: qboTime(now) }) : faultReply(result.fault, now)
    }
    if (lower === "batch" && request.method === "POST") return this.batch(request.body, now, request.requestId)
    if (entity !== undefined && request.method === "GET" && id !== undefined) {
      const found = this.company.list(entity).get(id)
      return found === undefined
        ? faultReply(faults.objectNotFound(entity, id), now)
        : jsonReply(200, { [entity]: found, time: qboTime(now) })
    }
    if (entity !== undefined && request.method === "POST" && id === undefined) {
      const body = safeJson(request.body)
      if (isRecord(body) && body["Id"] === undefined) return faultReply(faults.unsupported(`create ${entity} on the local server`), now)
      const result = this.write(entity, body, now, request.requestId, null)
      return result.ok ? jsonReply(200, { ...result.value, time: qboTime(now) }) : faultReply(result.fault, now)
    }
    return faultReply(faults.unsupported(`${request.method} ${request.segments.join("/")}`), now)
  }
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
