import { DAY_MS } from "./Clock.ts"
import type { CompanyDraft } from "./CompanyDraft.ts"
import type { AppointmentDraft, AppointmentStatus, PomDraft } from "./Drafts.ts"

/**
 * Gives a POM account exactly `total` history items (appointments + services), the count the pipeline compares
 * to choose the keeper. About three in five are appointments; each service is the work record of a completed
 * appointment, except the odd call-out logged without one. `services` sets their number instead.
 */
export const addHistory = (
  d: CompanyDraft,
  pom: PomDraft,
  total: number,
  o: { readonly upcoming: boolean; readonly until?: number; readonly services?: number }
): void => {
  if (total <= 0) return
  const rng = d.rng
  const serviceCount = Math.min(total, o.services ?? Math.round(total * 0.4))
  const appointmentCount = total - serviceCount
  const from = pom.createdAt + DAY_MS
  const until = Math.max(from + DAY_MS, Math.min(o.until ?? d.today, d.today) - DAY_MS)

  const past: Array<number> = []
  let upcoming = 0
  for (let i = 0; i < appointmentCount; i++) {
    if (o.upcoming && i === 0 && appointmentCount >= 2 && rng.chance(0.6)) upcoming++
    else past.push(d.workingMoment(from, until))
  }
  past.sort((a, b) => a - b)

  const completed: Array<AppointmentDraft> = []
  const add = (scheduledAt: number, status: AppointmentStatus): AppointmentDraft => {
    const a: AppointmentDraft = { seq: d.nextSeq(), id: "", customer: pom, scheduledAt, status }
    d.appointments.push(a)
    return a
  }
  for (const at of past) {
    const status: AppointmentStatus = rng.chance(0.08) ? "CANCELED" : "COMPLETED"
    const a = add(at, status)
    if (status === "COMPLETED") completed.push(a)
  }
  for (let i = 0; i < upcoming; i++) {
    add(d.today + rng.int(1, 28) * DAY_MS + rng.int(13 * 4, 22 * 4) * 900_000, "SCHEDULED")
  }

  // Services go to the most recent visits first: the work records an export window still holds.
  let next = completed.length - 1
  for (let i = 0; i < serviceCount; i++) {
    const visit = next >= 0 && rng.chance(0.92) ? completed[next--] : undefined
    const completedAt =
      visit === undefined ? d.workingMoment(from, until) : visit.scheduledAt + rng.int(20, 110) * 60_000
    d.services.push({ seq: d.nextSeq(), id: "", customer: pom, appointment: visit ?? null, completedAt })
  }
  pom.appointments += appointmentCount
  pom.services += serviceCount
}
