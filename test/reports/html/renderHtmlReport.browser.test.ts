import { existsSync } from "node:fs"
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, describe, expect, it } from "vitest"
import { renderHtmlReport } from "../../../reports/html/renderHtmlReport.ts"
import { HOSTILE_FIRST_NAME, HOSTILE_LAST_NAME, realisticInput } from "./realisticRun.ts"

const CHROMIUM = "/usr/bin/chromium"
const OUTPUT = resolve("test-output")

let browser: Browser | null = null
let dir: string | null = null

/** Fails, never skips, without a browser: a report nobody opened in one is not tested. */
const openBrowser = async (): Promise<Browser> => {
  expect(existsSync(CHROMIUM), `No browser at ${CHROMIUM}: install Debian's chromium with \`apt-get install -y chromium\``).toBe(true)
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  })
  return browser
}

interface Opened {
  readonly page: Page
  readonly url: string
  readonly requests: Array<string>
  readonly failed: Array<string>
  readonly errors: Array<string>
  readonly dialogs: Array<string>
}

/** Writes the report to a temp file and opens it from disk, recording everything the page tries to do. */
const openReport = async (markup: string): Promise<Opened> => {
  dir ??= await mkdtemp(join(tmpdir(), "report-html-"))
  const file = join(dir, `report-${Date.now()}.html`)
  await writeFile(file, markup, "utf8")
  const url = pathToFileURL(file).href
  const context = await (await openBrowser()).newContext({ viewport: { width: 1280, height: 900 }, offline: true })
  const page = await context.newPage()
  const opened: Opened = { page, url, requests: [], failed: [], errors: [], dialogs: [] }
  page.on("request", (r) => opened.requests.push(r.url()))
  page.on("requestfailed", (r) => opened.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ""}`))
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") opened.errors.push(m.text())
  })
  page.on("pageerror", (e) => opened.errors.push(e.message))
  page.on("dialog", (d) => {
    opened.dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(url, { waitUntil: "load" })
  return opened
}

afterAll(async () => {
  await browser?.close()
  if (dir !== null) await rm(dir, { recursive: true, force: true })
})

describe("report.html in a real browser", () => {
  it("opens from disk with no errors and no requests, showing the numbers, a card per case, the charts and a hostile name as text", async () => {
    const input = realisticInput()
    const { page, url, requests, failed, errors, dialogs } = await openReport(renderHtmlReport(input))

    const tiles = (await page.locator(".tile").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim())
    expect(tiles).toContain(`${input.summary.cases.total} customers to fix`)
    expect(tiles).toContain(`${input.summary.cases.byScenario.review} need a decision`)
    const cell = (label: string) => page.locator(`table.facts tr:has(th:text-is("${label}")) td.num`).innerText()
    expect(await cell("POM customers")).toBe(String(input.summary.records.pomCustomers))
    expect(await cell("QBO invoices")).toBe(String(input.summary.records.invoices))
    expect(await cell("Rejected rows")).toBe(String(input.summary.rejected))

    const cards = page.locator("article.card")
    expect(await cards.count()).toBe(input.cases.length)
    for (const c of input.cases) await expect.poll(() => page.locator(`[id="case-${c.id}"]`).isVisible()).toBe(true)

    const bins = page.locator("svg.histogram g.bin rect")
    expect(await bins.count()).toBe(20)
    const heights = await bins.evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().height))
    expect(heights.filter((h) => h > 0).length).toBeGreaterThan(10)
    expect(await page.locator("svg.histogram g.threshold line").count()).toBe(2)
    expect(await page.locator("svg.trend circle").count()).toBe(input.history.length)
    const withEvidence = input.cases.filter((c) => c.evidence.length > 0).length
    expect(await page.locator("svg.weights").count()).toBe(withEvidence)
    expect(await page.locator("svg.weights g.bar.pos rect").count()).toBeGreaterThan(withEvidence)
    expect(await page.locator("svg.weights g.bar.neg rect").count()).toBeGreaterThan(0)

    const names = await page.locator(".card-name").allTextContents()
    expect(names).toContain(`${HOSTILE_FIRST_NAME} ${HOSTILE_LAST_NAME}`)
    expect(await page.locator(".card-name b, .card-name script").count()).toBe(0)
    expect(await page.locator("script").count()).toBe(1)

    // The page fits the window: a table or chart that forced sideways scrolling would show up here.
    expect(await page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).toBe(true)

    await mkdir(OUTPUT, { recursive: true })
    await page.screenshot({ path: join(OUTPUT, "report.png"), fullPage: true })

    expect(errors).toEqual([])
    expect(dialogs).toEqual([])
    expect(failed).toEqual([])
    expect(requests).toEqual([url])
  })

  it("filters the cards by kind of fix without any script, and prints every card without the filter", async () => {
    const input = realisticInput()
    const { page, errors } = await openReport(renderHtmlReport(input))
    const visibleCards = () => page.locator("article.card:visible").count()
    expect(await visibleCards()).toBe(input.cases.length)

    await page.locator('label[for="show-review"]').click()
    expect(await visibleCards()).toBe(input.summary.cases.byScenario.review)
    const shown = await page.locator("article.card:visible").evaluateAll((els) => els.map((e) => e.getAttribute("data-scenario")))
    expect(new Set(shown)).toEqual(new Set(["review"]))

    await page.emulateMedia({ media: "print" })
    expect(await visibleCards()).toBe(input.cases.length)
    expect(await page.locator("nav.filter").isVisible()).toBe(false)
    await page.emulateMedia({ media: "screen" })
    await page.locator('label[for="show-all"]').click()
    expect(await visibleCards()).toBe(input.cases.length)
    expect(errors).toEqual([])
  })

  it("keeps every e-mail address on one line, however narrow the window, while the page itself does not scroll sideways", async () => {
    const { page, errors } = await openReport(renderHtmlReport(realisticInput()))
    await page.setViewportSize({ width: 560, height: 900 })
    // Each text node that holds an address, and on how many distinct lines its characters sit (a string, since
    // this code runs in the page, where the DOM types the project does not compile against are defined).
    const lines: ReadonlyArray<{ text: string; rects: number }> = await page.evaluate(`
      [...document.querySelectorAll("table.records tr.unbroken td")].flatMap((td) =>
        [...td.childNodes]
          .filter((n) => n.nodeType === 3 && (n.textContent ?? "").includes("@"))
          .map((n) => {
            const range = document.createRange()
            range.selectNodeContents(n)
            return { text: n.textContent ?? "", rects: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size }
          })
      )`)
    expect(lines.length).toBeGreaterThan(10)
    expect(lines.filter((l) => l.rects !== 1)).toEqual([])
    expect(await page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).toBe(true)
    expect(errors).toEqual([])
  })
})
