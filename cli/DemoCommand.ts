import { Command, Options } from "@effect/cli"
import { FileSystem } from "@effect/platform"
import { Console, Effect } from "effect"
import { join } from "node:path"
import { tmpdir } from "node:os"
import { defaultMatchSettings, MatcherLive } from "../matchers/FellegiSunterMatcher.ts"
import { DEFAULT_REVIEW_THRESHOLD } from "../pipeline/cases/buildCase.ts"
import { reconcile } from "../pipeline/reconcile.ts"
import { loadSnapshot } from "../sources/loadSnapshot.ts"
import { Store } from "../sinks/store/Store.ts"
import { generateCompany } from "../test/generator/generateCompany.ts"
import { scoreAgainstTruth } from "../test/generator/scoreAgainstTruth.ts"
import { companyFiles, writeCompany } from "../test/generator/writeCompany.ts"
import { runSummaryText } from "../reports/runSummaryText.ts"

const customers = Options.integer("customers").pipe(Options.withDefault(2000), Options.withDescription("Size of the generated company"))
const seed = Options.integer("seed").pipe(Options.withDefault(7))

/**
 * Generates a realistic company with known duplicates and look-alikes into a temp folder, runs the offline
 * pipeline on it, and says how the result compares with what was planted. Needs no credentials.
 */
export const demoCommand = Command.make("demo", { customers, seed }, (args) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const dir = yield* fs.makeTempDirectory({ directory: tmpdir(), prefix: "pom-qbo-reconcile-demo-" })
    const company = generateCompany({ seed: args.seed, customers: args.customers })
    yield* writeCompany(company, dir)
    yield* Console.log(`Generated a company of ${args.customers} POM customers in ${dir}`)
    const { summary, cases } = yield* Effect.gen(function* () {
      const loaded = yield* loadSnapshot({ _tag: "files", dir: join(dir, "pom") }, { _tag: "files", dir: join(dir, "qbo") })
      return yield* reconcile({
        ...loaded,
        outDir: join(dir, "out"),
        settings: {
          matchThreshold: defaultMatchSettings.matchThreshold,
          reviewThreshold: DEFAULT_REVIEW_THRESHOLD,
          booksClosedThrough: null
        }
      })
    }).pipe(Effect.provide(Store.layer(join(dir, "reconcile.db"))))
    yield* Console.log(runSummaryText(summary))
    const score = scoreAgainstTruth(company.truth, cases)
    yield* Console.log(
      `Planted: ${score.injected} cases and ${company.truth.traps.length} look-alike traps. ` +
        `Found ${score.found} of ${score.injected} with the right scenario, keeper and QBO customer; ` +
        `${score.trapsProposed.length} traps proposed.`
    )
    for (const miss of score.misses.slice(0, 10)) yield* Console.log(`  missed ${miss.truth.recipe} ${miss.truth.id}: ${miss.problem}`)
    yield* Console.log(`Inputs: ${join(dir, companyFiles.pomCustomers)} and ${join(dir, "qbo")}`)
  }).pipe(Effect.provide(MatcherLive))
).pipe(Command.withDescription("Generate a sample company and run the whole offline pipeline on it (no credentials needed)"))
