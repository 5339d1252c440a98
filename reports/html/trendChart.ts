import type { RunHistoryPoint } from "../../pipeline/RunDiff.ts"
import { count, day, plural, when } from "./format.ts"
import { type Html, html } from "./Html.ts"

const WIDTH = 720
const HEIGHT = 200
const LEFT = 44
const RIGHT = 20
const TOP = 20
const BOTTOM = 44
/** Beyond this many runs the value labels would collide; the dots keep their tooltips. */
const MAX_VALUE_LABELS = 16
/** Up to this many runs each gets its date under it; beyond, only the first and the last do. */
const MAX_DATE_LABELS = 8
const r1 = (n: number) => Math.round(n * 10) / 10

/** Open cases over past runs, oldest first: is the list of problems getting shorter? */
export const trendChart = (history: ReadonlyArray<RunHistoryPoint>): Html => {
  const points = [...history].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))
  const first = points[0]
  if (first === undefined) return html`<p class="empty">No earlier runs are recorded yet, so there is no trend to show.</p>`
  if (points.length === 1) {
    return html`<p class="empty">Only one run is recorded so far (${when(first.startedAt)}, ${plural(first.openCases, "open case")}). The trend appears from the second run on.</p>`
  }
  const last = points[points.length - 1] ?? first
  const highest = Math.max(0, ...points.map((p) => p.openCases))
  // Headroom above the highest point keeps its value label clear of the axis label.
  const top = Math.max(1, highest + Math.max(1, Math.ceil(highest * 0.15)))
  const plotW = WIDTH - LEFT - RIGHT
  const plotH = HEIGHT - TOP - BOTTOM
  // Inset from the axis so the first point's value label does not sit on the axis line.
  const INSET = 14
  const x = (i: number) => LEFT + INSET + (i / (points.length - 1)) * (plotW - 2 * INSET)
  const y = (n: number) => TOP + plotH - (n / top) * plotH
  const line = points.map((p, i) => `${r1(x(i))},${r1(y(p.openCases))}`).join(" ")
  const dots = points.map(
    (p, i) =>
      html`<g class="point"><title>${p.runId}, ${when(p.startedAt)}: ${plural(p.openCases, "open case")}</title><circle cx="${r1(x(i))}" cy="${r1(y(p.openCases))}" r="4" fill="#3b6ea8"></circle>${
        points.length <= MAX_VALUE_LABELS ? html`<text x="${r1(x(i))}" y="${r1(y(p.openCases) - 8)}" text-anchor="middle" class="count">${count(p.openCases)}</text>` : ""
      }</g>`
  )
  const base = TOP + plotH
  // Runs on the same day would share one date label: those also show their time, on a second line.
  const days = points.map((p) => day(p.startedAt))
  const sharesDay = (i: number) => days.filter((d) => d === days[i]).length > 1
  const labelled = points.length <= MAX_DATE_LABELS ? points.map((_, i) => i) : [0, points.length - 1]
  const dateLabels = labelled.map((i) => {
    const p = points[i] ?? first
    const anchor = points.length <= MAX_DATE_LABELS ? "middle" : i === 0 ? "start" : "end"
    const at = points.length <= MAX_DATE_LABELS ? r1(x(i)) : i === 0 ? LEFT : WIDTH - RIGHT
    return html`<text class="date" x="${at}" y="${base + 16}" text-anchor="${anchor}">${days[i] ?? ""}${
      sharesDay(i) ? html`<tspan x="${at}" dy="12">${when(p.startedAt).slice(11, 16)}</tspan>` : ""
    }</text>`
  })
  const change = last.openCases - first.openCases
  const title = `Open cases in the last ${points.length} runs, from ${count(first.openCases)} to ${count(last.openCases)}`
  return html`<figure class="chart-figure">
<svg class="chart trend" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-label="${title}"><title>${title}</title>
<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${base}" y2="${base}" stroke="#333"></line>
<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${base}" stroke="#333"></line>
<text x="${LEFT - 6}" y="${r1(y(top) + 4)}" text-anchor="end">${count(top)}</text><text x="${LEFT - 6}" y="${base + 4}" text-anchor="end">0</text>
<polyline points="${line}" fill="none" stroke="#3b6ea8" stroke-width="2"></polyline>
${dots}
${dateLabels}
</svg>
<figcaption>Open cases per run, oldest on the left. Since ${day(first.startedAt)} the number of open cases ${
    change === 0 ? "has not changed" : change < 0 ? `went down by ${count(-change)}` : `went up by ${count(change)}`
  } (${count(first.openCases)} \u2192 ${count(last.openCases)}).</figcaption>
</figure>`
}
