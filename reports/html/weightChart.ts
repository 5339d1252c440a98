import type { FieldContribution, MatchEvidence } from "../../pipeline/domain/MatchEvidence.ts"
import { percent, signed } from "./format.ts"
import { type Html, html } from "./Html.ts"

const fieldNames: Readonly<Record<string, string>> = {
  prior: "starting odds",
  firstName: "first name",
  lastName: "last name",
  companyName: "company",
  houseNumber: "house number"
}

/** "phone exact +9.1": the field, the comparison level it hit, and the weight it added. */
export const contributionLabel = (c: FieldContribution): string =>
  `${fieldNames[c.field] ?? c.field} ${c.level} ${signed(c.weight)}`

// Sized to be drawn at about its natural size in the card's right-hand column, so its text stays readable.
const WIDTH = 560
const LABEL = 250
const ROW = 20
const LINE = 14
const BAR = 13
/** About what fits in LABEL pixels at the chart's font; a longer label wraps onto more lines, never cut. */
const MAX_LINE_CHARS = 36
const colours = { pos: "#2e7d32", neg: "#c62828", prior: "#6b6b6b" } as const

/** Splits a label into lines at spaces; a single word longer than a line is split where it must be. */
export const wrapLabel = (label: string, width = MAX_LINE_CHARS): ReadonlyArray<string> => {
  const lines: Array<string> = []
  let line = ""
  for (const word of label.split(" ")) {
    let rest = word
    while (rest.length > width) {
      if (line !== "") lines.push(line)
      lines.push(rest.slice(0, width))
      rest = rest.slice(width)
      line = ""
    }
    if (line === "") line = rest
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line)
  return lines
}
const r1 = (n: number) => Math.round(n * 10) / 10

/**
 * Why the strongest pair of a case scored as it did, field by field (Splink's waterfall, laid flat): evidence for
 * a match is a green bar to the right of zero, evidence against a red bar to the left. The starting odds, the
 * chance that two random records are one customer, are grey: every pair starts there.
 */
export const weightChart = (pair: MatchEvidence): Html => {
  const items = [...pair.contributions].sort(
    (a, b) => Number(b.field === "prior") - Number(a.field === "prior") || b.weight - a.weight
  )
  const lo = Math.min(0, ...items.map((c) => c.weight))
  const hi = Math.max(0, ...items.map((c) => c.weight))
  const span = hi - lo || 1
  const plot = WIDTH - LABEL - 12
  const x = (w: number) => LABEL + ((w - lo) / span) * plot
  const zero = x(0)
  const wrapped = items.map((c) => wrapLabel(contributionLabel(c)))
  const tops: Array<number> = []
  let bottom = 0
  for (const lines of wrapped) {
    tops.push(bottom)
    bottom += ROW + (lines.length - 1) * LINE
  }
  const height = bottom + 30
  const title = `Match weights, ${pair.left.system.toUpperCase()} ${pair.left.id} and ${pair.right.system.toUpperCase()} ${pair.right.id}`
  const bars = items.map((c, i) => {
    const y = (tops[i] ?? 0) + 4
    const colour = c.field === "prior" ? colours.prior : c.weight >= 0 ? colours.pos : colours.neg
    const left = Math.min(x(c.weight), zero)
    const width = Math.max(Math.abs(x(c.weight) - zero), 1)
    const label = contributionLabel(c)
    const lines = wrapped[i] ?? [label]
    return html`<g class="bar ${c.field === "prior" ? "prior" : c.weight >= 0 ? "pos" : "neg"}"><title>${label}</title><text x="${LABEL - 8}" y="${y + BAR - 2}" text-anchor="end">${lines.map(
      (line, n) => html`<tspan x="${LABEL - 8}" dy="${n === 0 ? 0 : LINE}">${line}</tspan>`
    )}</text><rect x="${r1(left)}" y="${y}" width="${r1(width)}" height="${BAR}" fill="${colour}" rx="2"></rect></g>`
  })
  const totalY = bottom + 20
  return html`<svg class="chart weights" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-label="${title}"><title>${title}</title>
<line x1="${r1(zero)}" x2="${r1(zero)}" y1="0" y2="${bottom + 6}" stroke="#333" stroke-width="1"></line>
${bars}
<text class="total" x="${LABEL - 8}" y="${totalY}" text-anchor="end">total ${signed(pair.weight)}</text><text class="total" x="${LABEL}" y="${totalY}">= ${percent(pair.probability)} likely the same customer</text>
</svg>`
}
