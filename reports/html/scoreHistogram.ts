import { thresholdText } from "../../pipeline/domain/thresholdText.ts"
import { count, plural } from "./format.ts"
import { type Html, html } from "./Html.ts"
import type { ScoreCounts } from "./scoreCounts.ts"

const WIDTH = 720
const HEIGHT = 240
const LEFT = 16
const RIGHT = 16
const TOP = 34
const BOTTOM = 40
const r1 = (n: number) => Math.round(n * 10) / 10

/**
 * How sure the matcher was about the pairs it scored, with the two thresholds that turn a score into an action.
 * Heights are on a log scale: the pairs that are clearly different or clearly the same outnumber the unsure ones
 * in the middle by orders of magnitude, and the middle is what an admin wants to see.
 */
export const scoreHistogram = (scores: ScoreCounts): Html => {
  const { matchThreshold: match, reviewThreshold: review, scored: valid, below, proposed, bins } = scores
  if (valid === 0) return html`<p class="empty">No record pairs were scored in this run, so there is no score distribution to show.</p>`
  const plotW = WIDTH - LEFT - RIGHT
  const plotH = HEIGHT - TOP - BOTTOM
  const x = (p: number) => LEFT + Math.min(1, Math.max(0, p)) * plotW
  const maxCount = Math.max(...bins.map((b) => b.count))
  const h = (n: number) => (n === 0 ? 0 : Math.max(2, (Math.log10(n + 1) / Math.log10(maxCount + 1)) * plotH))
  const base = TOP + plotH
  const between = valid - below - proposed
  const bars = bins.map((b) => {
    const bx = x(b.from) + 1
    const bw = x(b.to) - x(b.from) - 2
    const bh = h(b.count)
    const label = `${plural(b.count, "pair")} scored ${b.from.toFixed(2)}\u2013${b.to.toFixed(2)}`
    return html`<g class="bin"><title>${label}</title><rect x="${r1(bx)}" y="${r1(base - bh)}" width="${r1(bw)}" height="${r1(bh)}" fill="#3b6ea8"></rect>${
      b.count > 0 ? html`<text x="${r1(bx + bw / 2)}" y="${r1(base - bh - 4)}" text-anchor="middle" class="count">${count(b.count)}</text>` : ""
    }</g>`
  })
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (t) =>
      html`<line x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${base}" y2="${base + 5}" stroke="#333"></line><text x="${r1(x(t))}" y="${base + 18}" text-anchor="middle">${t.toFixed(2)}</text>`
  )
  const zones = html`<rect class="zone-no" x="${LEFT}" y="${TOP}" width="${r1(x(match) - LEFT)}" height="${plotH}" fill="#f3f3f3"></rect><rect class="zone-review" x="${r1(x(match))}" y="${TOP}" width="${r1(Math.max(0, x(review) - x(match)))}" height="${plotH}" fill="#fdf0d5"></rect><rect class="zone-yes" x="${r1(x(Math.max(match, review)))}" y="${TOP}" width="${r1(x(1) - x(Math.max(match, review)))}" height="${plotH}" fill="#e3f1e4"></rect>`
  // The higher threshold's line reaches higher, and both labels sit left of their line: so neither label
  // crosses the other's line however close the thresholds are.
  const marker = (p: number, text: string, anchor: "start" | "end", row: number, cls: string) =>
    html`<g class="threshold ${cls}"><line x1="${r1(x(p))}" x2="${r1(x(p))}" y1="${TOP - 6 - row * 14}" y2="${base}" stroke="#222" stroke-width="1.5" stroke-dasharray="4 3"></line><text x="${r1(x(p) + (anchor === "start" ? 4 : -4))}" y="${TOP - 9 - row * 14}" text-anchor="${anchor}">${text}</text></g>`
  const title = `Match scores of ${plural(valid, "record pair")}, with the match threshold ${thresholdText(match)} and the review threshold ${thresholdText(review)}`
  return html`<figure class="chart-figure">
<svg class="chart histogram" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-label="${title}"><title>${title}</title>
${zones}
${bars}
<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${base}" y2="${base}" stroke="#333"></line>
${ticks}
<text x="${WIDTH / 2}" y="${HEIGHT - 4}" text-anchor="middle" class="axis-title">match probability</text>
${marker(match, `match threshold ${thresholdText(match)}`, "end", match > review ? 1 : 0, "match")}
${marker(review, `review threshold ${thresholdText(review)}`, "end", match > review ? 0 : 1, "review")}
</svg>
<figcaption>${plural(valid, "record pair")} scored. <span class="key key-no"></span><span class="zone-count">${count(below)}</span> below the match threshold: treated as different customers. <span class="key key-review"></span><span class="zone-count">${count(between)}</span> between the thresholds: likely the same but not sure enough, so a case resting on one goes to a person. <span class="key key-yes"></span><span class="zone-count">${count(proposed)}</span> at or above both: sure enough for a fix to be proposed. Bar heights use a log scale so that small counts stay visible; the number above a bar is its count.</figcaption>
</figure>`
}
