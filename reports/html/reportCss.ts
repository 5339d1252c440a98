import { allScenarios } from "../../pipeline/domain/Scenario.ts"

// Generated from the closed list of scenarios so the filter covers a new one without anyone touching the CSS.
const filterRules = allScenarios
  .map((s) => `  body:has(#show-${s}:checked) [data-scenario]:not([data-scenario="${s}"]) { display: none; }`)
  .join("\n")

/**
 * The page's only style sheet, inlined: the report is one file that opens offline, so it cannot fetch fonts or
 * styles. System fonts only; colours chosen for at least 4.5:1 contrast on their backgrounds.
 */
export const reportCss = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #f4f6f8; --card: #fff; --accent: #17324d; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main, .page-head-inner, footer { max-width: 1120px; margin: 0 auto; padding: 0 20px; }
h1, h2, h3, h4 { line-height: 1.25; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--line); }
h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef1f4; padding: 0.05em 0.3em; border-radius: 3px; }
a { color: #0b5cad; }
a:focus-visible, summary:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-style: italic; }

.page-head { background: var(--accent); color: #fff; padding: 28px 0 22px; }
.page-head h1 { margin: 0 0 0.3rem; font-size: 1.9rem; }
.page-head .lede { margin: 0 0 1rem; color: #dbe6f1; max-width: 60rem; }
.run-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; font-size: 0.92rem; }
.run-facts dt { color: #b9cde0; }
.run-facts dd { margin: 0; overflow-wrap: anywhere; }
.page-head code { background: rgba(255, 255, 255, 0.14); color: #fff; }
.jump { margin-top: 1rem; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 0.92rem; }
.jump a { color: #fff; }
.howto { background: #eaf2fb; border: 1px solid #b6d0ea; border-radius: 8px; padding: 12px 16px; margin: 20px 0 0; }
.howto p { margin: 0.2rem 0; }

.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 0 0 1rem; }
.tile { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; display: flex; flex-direction: column; }
.tile .big { font-size: 2rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.tile .tile-text { color: var(--muted); }
.tile.tone-alert { border-left: 6px solid #c62828; }
.tile.tone-alert .big { color: #a61b1b; }
.tile.tone-good { border-left: 6px solid #2e7d32; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; align-items: start; }
table { border-collapse: collapse; background: var(--card); }
caption { text-align: left; font-weight: 600; padding: 6px 0; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; }
thead th { background: #eef1f4; font-size: 0.88rem; }
.facts, .scenarios, .changes { width: 100%; margin-bottom: 1rem; border: 1px solid var(--line); }
.facts th { font-weight: 500; white-space: nowrap; }
.facts .note { color: var(--muted); font-size: 0.88rem; }
.scenarios td:last-child, .changes td:last-child { color: #33383d; }
.changes details { margin-top: 4px; font-size: 0.85rem; }
.ids { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }

.badge { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 0.82rem; font-weight: 600; border: 1px solid transparent; white-space: nowrap; }
.badge.scenario-review { background: #fde2e1; color: #8a1c1c; border-color: #f3b3b0; }
.badge.scenario-scenario-1 { background: #dbe9fb; color: #174a87; border-color: #aac8ee; }
.badge.scenario-scenario-2 { background: #ebe2fb; color: #4b2a8a; border-color: #cbb8ef; }
.badge.scenario-pom-merge { background: #d6f0ec; color: #0f5a4f; border-color: #a5dcd3; }
.badge.scenario-qbo-merge { background: #e1f2d8; color: #2f5d17; border-color: #b8dda6; }
.badge.status-new { background: #fff3c4; color: #5f4300; border-color: #ecd27a; }
.badge.status-still-open { background: #eef1f4; color: #3d444b; border-color: var(--line); }
.badge.status-previously-rejected { background: #ffe5cc; color: #7a3a00; border-color: #f2bd8a; }
.badge.status-suppressed { background: #eef1f4; color: #3d444b; border-color: var(--line); }

figure { margin: 0 0 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
figcaption { color: #33383d; font-size: 0.9rem; margin-top: 6px; max-width: 60rem; }
.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
.chart text { fill: #24292f; }
.chart .count { font-size: 11px; fill: #24292f; }
.chart .axis-title { fill: var(--muted); }
.chart .total { font-weight: 600; }
.key { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #999; vertical-align: -0.1em; margin-right: 4px; }
.key-no { background: #f3f3f3; } .key-review { background: #fdf0d5; } .key-yes { background: #e3f1e4; }

.filter { position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 8px 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; border-bottom: 1px solid var(--line); margin-bottom: 12px; }
.filter .filter-title { font-weight: 600; margin-right: 4px; }
.filter input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.filter label { cursor: pointer; padding: 3px 12px; border-radius: 999px; border: 1px solid var(--line); background: var(--card); font-size: 0.88rem; }
.filter input:checked + label { background: var(--accent); color: #fff; border-color: var(--accent); }
.filter input:focus-visible + label { outline: 3px solid #f0b400; outline-offset: 2px; }
@media screen {
${filterRules}
}

.scenario-code { font-size: 0.78rem; color: var(--muted); background: transparent; padding: 0; }
.page-head .scenario-code, .filter input:checked + label .scenario-code { color: inherit; }
a.out::after { content: " \\2197"; font-size: 0.8em; }

.tools { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; margin: 0 0 14px; }
.tool-row { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; margin: 4px 0; font-size: 0.92rem; }
.tools input[type=search] { width: 22rem; max-width: 100%; }
.tools input, .tools select, .tools button, .decide select, .decide input[type=text] { font: inherit; padding: 3px 6px; }
.shown-count, .export-note { color: var(--muted); }
.tally { font-weight: 600; }
.export-help { margin: 4px 0; font-size: 0.85rem; color: var(--muted); }
#export-decisions { background: var(--accent); color: #fff; border: 1px solid var(--accent); border-radius: 6px; padding: 4px 14px; cursor: pointer; }
#export-decisions:disabled { background: #8c959f; border-color: #8c959f; cursor: not-allowed; }
.decide { border: 1px solid var(--line); border-radius: 8px; margin: 12px 0 0; padding: 8px 14px 10px; background: #f6f8fa; }
.decide legend { font-weight: 600; padding: 0 4px; }
.decision-choices { display: flex; flex-wrap: wrap; gap: 4px 18px; }
.decide label { margin-right: 12px; }
.decide label:has(input:disabled) { color: #8c959f; }
.decide .choices { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 6px; }
.decide .exclude { border: 0; padding: 0; margin: 0; flex-basis: 100%; }
.decide .exclude legend { font-weight: 500; padding: 0; font-size: 0.9rem; }
.decide .exclude label { display: block; font-size: 0.88rem; }
.decide-why { color: #8a1c1c; margin: 4px 0; min-height: 0; }
.decide-why:empty { display: none; }
.decide-cannot { color: #8a1c1c; margin: 6px 0; }
.decide-hint { color: var(--muted); margin: 6px 0; font-size: 0.9rem; }
.decide .note { display: block; margin-top: 6px; }
.decide .note input { width: 28rem; max-width: 100%; }
.card[data-decision="approve"] { border-color: #2e7d32; box-shadow: inset 0 0 0 1px #2e7d32; }
.card[data-decision="reject"] { opacity: 0.8; }

.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 20px 16px; margin: 0 0 18px; box-shadow: 0 1px 2px rgba(0,0,0,0.05); scroll-margin-top: 110px; }
.card[data-scenario="review"] { border-left: 6px solid #c62828; }
.card-head h3 { margin: 0; font-size: 1.2rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
.case-id { font: 0.82rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
a.case-id { text-decoration: none; }
a.case-id:hover { text-decoration: underline; }
.badges { margin: 6px 0 4px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.confidence { color: var(--muted); font-size: 0.9rem; margin-left: 4px; }
.confidence strong { color: var(--ink); }
.blockers { background: #fdecea; border: 1px solid #f3b3b0; border-left: 6px solid #c62828; border-radius: 6px; padding: 8px 14px; margin: 10px 0; }
.blockers h4 { margin: 0 0 4px; color: #8a1c1c; }
.blockers ul { margin: 0; padding-left: 1.2rem; }
/* Relative, so the screen-reader-only text in a cell scrolls with the table instead of widening the page. */
.table-scroll { overflow-x: auto; margin: 10px 0; position: relative; }
.records { min-width: 60%; font-size: 0.9rem; border: 1px solid var(--line); }
.records caption { font-weight: 500; color: var(--muted); font-size: 0.85rem; }
.records tr.sides th { text-align: center; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.records .side-pom { background: #e5eefa; color: #174a87; }
.records .side-qbo { background: #e4f3e6; color: #1f5a24; }
.records td + td, .records th + th, .records th + td { border-left: 1px solid var(--line); }
.records tbody th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
.records th.rec { min-width: 150px; }
.records .rec-id { display: block; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.records .role { display: block; font-weight: 500; font-size: 0.8rem; color: var(--muted); }
.records .role-keep .role, .records .role-correct .role { color: #1f6b24; font-weight: 700; }
.records .role-merge .role, .records .role-wrong .role, .records .role-missing .role { color: #a61b1b; font-weight: 700; }
.records td { overflow-wrap: anywhere; }
.records tr.unbroken td { overflow-wrap: normal; white-space: nowrap; }
.records td.differs { background: #fff1c2; box-shadow: inset 3px 0 0 #d89b00; }
.records td.warn { color: #a61b1b; font-weight: 600; }
.records td.blank { color: #8c959f; }
.differs-key { background: #fff1c2; box-shadow: inset 3px 0 0 #d89b00; padding: 0 4px 0 7px; }
.card-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 24px; }
@media (min-width: 1000px) { .card-body { grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); } }
.steps ol { margin: 0; padding-left: 1.4rem; }
.steps li { margin-bottom: 4px; }
.evidence .chart-intro { margin: 0 0 4px; color: var(--muted); font-size: 0.88rem; }
.evidence details { font-size: 0.85rem; margin-top: 6px; }
.pairs { padding-left: 1.2rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8rem; }
.notes { border-top: 1px dashed var(--line); margin-top: 10px; }
.notes ul { margin: 0; padding-left: 1.2rem; color: #33383d; }

.compact { width: 100%; font-size: 0.88rem; border: 1px solid var(--line); }
.compact td.case-id, .compact td.records-cell { white-space: nowrap; }
#cases h3, #more-cases, .compact tr { scroll-margin-top: 110px; }
footer { color: var(--muted); font-size: 0.85rem; padding-top: 20px; padding-bottom: 40px; }

@media print {
  body { background: #fff; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .page-head { background: #fff; color: #000; border-bottom: 2px solid #000; padding: 0 0 8px; }
  .page-head .lede, .run-facts dt, .jump a { color: #000; }
  .page-head code { background: #eef1f4; color: #000; }
  .jump, .filter, .tools, .decide { display: none !important; }
  a.out::after { content: ""; }
  main, .page-head-inner, footer { max-width: none; padding: 0; }
  .card, figure, .tile { box-shadow: none; break-inside: avoid-page; }
  .card { border-color: #999; }
  .records, .chart, .blockers { break-inside: avoid; }
  .table-scroll { overflow: visible; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`
