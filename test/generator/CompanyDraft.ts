import { DAY_MS } from "./Clock.ts"
import type { AppointmentDraft, InvoiceDraft, PomDraft, PomStatus, QboDraft, ServiceDraft } from "./Drafts.ts"
import { makeHousehold, type Household, type HouseholdSpec } from "./Household.ts"
import type { Prng } from "./Prng.ts"
import { Registry } from "./Registry.ts"
import { cleanRecord, renderPom, renderQbo, type RecordNoise } from "./Render.ts"

/** Every record made so far, and what is needed to make more: the random stream, the clock, the taken values. */
export class CompanyDraft {
  readonly registry = new Registry()
  readonly pom: Array<PomDraft> = []
  readonly qbo: Array<QboDraft> = []
  readonly appointments: Array<AppointmentDraft> = []
  readonly services: Array<ServiceDraft> = []
  readonly invoices: Array<InvoiceDraft> = []
  private seq = 0

  constructor(
    readonly rng: Prng,
    /** Midnight UTC of the day the data is exported. */
    readonly today: number
  ) {}

  nextSeq(): number {
    return this.seq++
  }

  get todayDay(): number {
    return Math.floor(this.today / DAY_MS)
  }

  /** A moment during office hours (US time zones) between `minDays` and `maxDays` days before today. */
  daysAgo(minDays: number, maxDays: number): number {
    const day = this.rng.int(minDays, maxDays)
    return this.today - day * DAY_MS + this.rng.int(13 * 3600, 23 * 3600) * 1000
  }

  /** A moment during office hours on a day between `from` and `until` (ms). */
  workingMoment(from: number, until: number): number {
    const day = Math.floor(this.between(from, until) / DAY_MS)
    return day * DAY_MS + this.rng.int(13 * 4, 22 * 4) * 900_000
  }

  /** A moment between `from` and `until`, both ms. */
  between(from: number, until: number): number {
    return from + Math.floor((this.rng.next() * Math.max(0, until - from)) / 1000) * 1000
  }

  household(spec?: HouseholdSpec): Household {
    return makeHousehold(this.rng, this.registry, spec)
  }

  addPom(
    h: Household,
    o: {
      readonly status: PomStatus
      readonly createdAt: number
      readonly link: QboDraft | "missing" | null
      readonly noise?: RecordNoise
      readonly updatedAt?: number
    }
  ): PomDraft {
    const draft: PomDraft = {
      seq: this.nextSeq(),
      id: "",
      fields: renderPom(this.rng, h, o.noise ?? cleanRecord),
      status: o.status,
      link: o.link,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt ?? this.between(o.createdAt, this.today),
      appointments: 0,
      services: 0
    }
    this.pom.push(draft)
    return draft
  }

  addQbo(
    h: Household,
    o: { readonly active: boolean; readonly createdAt: number; readonly noise?: RecordNoise; readonly updatedAt?: number }
  ): QboDraft {
    const draft: QboDraft = {
      seq: this.nextSeq(),
      id: "",
      fields: renderQbo(this.rng, this.registry, h, o.noise ?? cleanRecord),
      active: o.active,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt ?? this.between(o.createdAt, this.today),
      invoices: [],
      openCents: 0,
      extraBalanceCents: 0
    }
    this.qbo.push(draft)
    return draft
  }
}
