import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { type Browser, chromium, type Locator, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { blockerKind } from "../../../pipeline/domain/Blocker.ts"
import type { Case } from "../../../pipeline/domain/Case.ts"
import type { RunSummary } from "../../../pipeline/RunSummary.ts"
import { type ApplySandbox, startApplySandbox } from "../../apply/ApplySandbox.ts"
import { runCli } from "../../cli/runCli.ts"

const CHROMIUM = "/usr/bin/chromium"
const POM_TEMPLATE = "https://pom.example.com/customers/{id}"

let sandbox: ApplySandbox
let browser: Browser
let run: RunSummary
let cases: ReadonlyArray<Case>
let env: Record<string, string>

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `No browser at ${CHROMIUM}: install Debian's chromium with \`apt-get install -y chromium\``).toBe(true)
  // A small company, with the review cases a choice lifts planted more often than usual so there is one to choose in.
  sandbox = await startApplySandbox({ seed: 61, customers: 300, rates: { "review/keeper-unclear": 10, "review/three-accounts": 10 } })
  env = { ...sandbox.env, POM_APP_CUSTOMER_URL: POM_TEMPLATE }
  const result = await runCli(["run", "--pom-api", "--qbo-api", "--out", join(sandbox.dir, "run1"), "--db", sandbox.db, "--json"], env)
  expect(result.code, result.stderr).toBe(0)
  run = JSON.parse(result.stdout)
  cases = await sandbox.casesOf(run.runId)
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await sandbox?.close()
})

const pick = (what: string, test: (c: Case) => boolean): Case => {
  const found = cases.find(test)
  if (found === undefined) throw new Error(`the generated company has no ${what} case`)
  return found
}

const card = (page: Page, c: Case): Locator => page.locator(`article.card[data-case-id="${c.id}"]`)
const visibleIds = (page: Page) => page.locator("article.card:visible").evaluateAll((els) => els.map((e) => e.getAttribute("data-case-id") ?? ""))

describe("deciding cases in report.html", () => {
  it("searches, filters and sorts the cases, and exports decisions that apply accepts", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true, acceptDownloads: true })
    const page = await context.newPage()
    const errors: Array<string> = []
    page.on("pageerror", (e) => errors.push(e.message))
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text())
    })
    await page.goto(pathToFileURL(join(sandbox.dir, "run1", "report.html")).href)
    expect(await page.locator("#tools").isVisible()).toBe(true)
    expect(await page.locator("article.card:visible").count()).toBe(cases.length)

    const first = pick("fixable", (c) => c.scenario !== "review" && c.pomIds.length > 0)
    const second = pick("second fixable", (c) => c.scenario !== "review" && c.id !== first.id)
    const choosing = pick("keeper-unclear", (c) => c.blockers.some((b) => b._tag === "keeper-unclear" && b.system === "pom") && c.blockers.every((b) => blockerKind(b) === "choice"))
    const rejected = pick("another", (c) => c.scenario !== "review" && c.id !== first.id && c.id !== second.id)

    // Search: by a POM id, then by part of an address, both case-insensitive.
    const pomId = first.pomIds[0] ?? ""
    await page.locator("#search").fill(pomId.toUpperCase())
    expect(await visibleIds(page)).toContain(first.id)
    expect((await visibleIds(page)).length).toBeLessThan(cases.length)
    // The street as the card shows it, without the "Differs:" said to screen readers.
    const street = await card(page, first)
      .locator('tr:has(th:text-is("Address")) td')
      .first()
      .evaluate((td) => td.innerHTML.replace(/<span class="sr-only">.*?<\/span>/, "").split("<br>")[0] ?? "")
    expect(street).not.toBe("")
    await page.locator("#search").fill(street.toLowerCase())
    expect(await visibleIds(page)).toContain(first.id)
    await page.locator("#search").fill("no customer is called this")
    expect(await visibleIds(page)).toEqual([])
    expect(await page.locator("#shown-count").innerText()).toBe(`0 of ${cases.length} cases shown`)
    await page.locator("#search").fill("")

    // Filters: by blocker kind, combined with the kind-of-fix filter.
    const withKind = (k: string) => cases.filter((c) => c.blockers.some((b) => blockerKind(b) === k)).map((c) => c.id)
    await page.locator("#blocker-filter").selectOption("choice")
    expect(new Set(await visibleIds(page))).toEqual(new Set(withKind("choice")))
    await page.locator("#blocker-filter").selectOption("none")
    expect(new Set(await visibleIds(page))).toEqual(new Set(cases.filter((c) => c.blockers.length === 0).map((c) => c.id)))
    await page.locator('label[for="show-pom-merge"]').click()
    expect(new Set(await visibleIds(page))).toEqual(new Set(cases.filter((c) => c.blockers.length === 0 && c.scenario === "pom-merge").map((c) => c.id)))
    await page.locator('label[for="show-all"]').click()
    await page.locator("#blocker-filter").selectOption("")
    expect((await visibleIds(page)).length).toBe(cases.length)

    // Sorting: weakest match first, then by case id, then back to review.csv's order.
    const inReviewOrder = await visibleIds(page)
    await page.locator("#sort").selectOption("weakest")
    const confidences = await page.locator("article.card").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-confidence"))))
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b))
    await page.locator("#sort").selectOption("case")
    expect(await visibleIds(page)).toEqual([...inReviewOrder].sort())
    await page.locator("#sort").selectOption("review")
    expect(await visibleIds(page)).toEqual(inReviewOrder)

    // Decisions: two approvals, one rejection with a note that needs quoting, and a choice before approving.
    await card(page, first).locator('input[value="approve"]').check()
    await card(page, second).locator('input[value="approve"]').check()
    await card(page, rejected).locator('input[value="reject"]').check()
    await card(page, rejected).locator('input[name="note"]').fill('=not the same, says "Ann"')
    const approveChoice = card(page, choosing).locator('input[value="approve"]')
    expect(await approveChoice.isDisabled()).toBe(true)
    expect(await card(page, choosing).locator(".decide-why").innerText()).toBe("To approve, first choose the POM account to keep.")
    const keep = choosing.keepPomId ?? choosing.pomIds[0] ?? ""
    const offered = await card(page, choosing).locator('select[name="keep"] option').evaluateAll((els) => els.map((e) => e.getAttribute("value")))
    expect(offered).toEqual(["", ...choosing.pomIds])
    await card(page, choosing).locator('select[name="keep"]').selectOption(keep)
    expect(await approveChoice.isDisabled()).toBe(false)
    await approveChoice.check()
    for (const c of cases.filter((x) => x.blockers.some((b) => blockerKind(b) === "cannot-apply"))) {
      expect(await card(page, c).locator('input[value="approve"]').isDisabled()).toBe(true)
      expect(await card(page, c).locator(".decide-cannot").innerText()).toMatch(/^This case cannot be approved: /)
    }
    expect(await page.locator("#decision-tally").innerText()).toBe("3 approved, 1 rejected")

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-decisions").click()])
    expect(download.suggestedFilename()).toBe(`decisions-${run.runId}.csv`)
    const file = join(sandbox.dir, download.suggestedFilename())
    await download.saveAs(file)
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString("utf8").slice(1)
    const lines = text.split("\r\n")
    expect(lines[0]).toBe("case_id,run_id,decision,note,choose_keep_pom_id,choose_correct_qbo_id,exclude_ids")
    expect(text.replace(/\r\n/g, "")).not.toContain("\n")
    expect(lines).toContain(`${rejected.id},${run.runId},reject,"'=not the same, says ""Ann""",,,`)
    expect(lines).toContain(`${choosing.id},${run.runId},approve,,${keep},,`)
    expect(await page.locator("#export-note").innerText()).toContain(`decisions-${run.runId}.csv`)
    expect(errors).toEqual([])
    await context.close()

    const dry = await runCli(["apply", "--review", file, "--db", sandbox.db, "--dry-run"], env)
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toContain("3 approved, 1 rejected (remembered), 0 refused.")
    for (const c of [first, second, choosing]) expect(dry.stdout).toContain(`${c.id} (`)
    expect(dry.stdout).toContain(`${choosing.id} (`)
    expect(dry.stdout).toMatch(new RegExp(`${choosing.id} \\([^)]+\\) as chosen: keep POM ${keep}`))
    // Each step names the record it changes and its value now.
    const steps = [first, second].flatMap((c) => c.plan.steps)
    const relink = steps.find((st) => st._tag === "set-quickbooks-id")
    const retire = steps.find((st) => st._tag === "inactivate-pom-customer")
    expect(relink ?? retire).toBeDefined()
    if (relink?._tag === "set-quickbooks-id") expect(dry.stdout).toContain(`POM ${relink.pomCustomerId}: QBO ID ${relink.before.quickbooksId ?? "(none)"} \u2192 ${relink.to ?? "(none)"}`)
    if (retire?._tag === "inactivate-pom-customer") expect(dry.stdout).toContain(`POM ${retire.pomCustomerId}: status ${retire.before.status} \u2192 INACTIVE`)
  }, 180_000)

  it("links each record to QBO's web app and to POM's customer page from POM_APP_CUSTOMER_URL", async () => {
    const page = await (await browser.newContext({ offline: true })).newPage()
    await page.goto(pathToFileURL(join(sandbox.dir, "run1", "report.html")).href)
    const withQbo = pick("QBO", (c) => c.qboIds.length > 0 && c.scenario !== "review")
    const qboId = withQbo.qboIds[0] ?? ""
    expect(await card(page, withQbo).locator(`a.rec-id:text-is("QBO ${qboId}")`).getAttribute("href")).toBe(
      `https://app.sandbox.qbo.intuit.com/app/customerdetail?nameId=${qboId}`
    )
    const pomId = withQbo.pomIds[0] ?? ""
    expect(await card(page, withQbo).locator(`a.rec-id:text-is("POM ${pomId}")`).getAttribute("href")).toBe(POM_TEMPLATE.replace("{id}", encodeURIComponent(pomId)))
    const moving = pick("invoice-moving", (c) => c.invoicesToMove.length > 0)
    const invoice = moving.invoicesToMove[0] ?? ""
    const hrefs = await card(page, moving).locator(".invoice-links a").evaluateAll((els) => els.map((e) => e.getAttribute("href")))
    expect(hrefs).toContain(`https://app.sandbox.qbo.intuit.com/app/invoice?txnId=${invoice}`)
    await page.context().close()
  })
})
