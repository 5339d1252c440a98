import { Command, Options } from "@effect/cli"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Console, Duration, Effect, HashMap, Option } from "effect"
import { generateCompany, GeneratorOptionsError } from "./generateCompany.ts"
import { recipes, trapKinds, type Rates } from "./Rates.ts"
import { writeCompany } from "./writeCompany.ts"

/*
 * npx tsx test/generator/cli.ts --customers 2000 --seed 7 --out /tmp/company [--today 2026-11-01]
 *   [--rate scenario-2=10 --rate neighbours=0] [--appointments 35 --services 30 --invoices 14]
 */

const rateNames: ReadonlyArray<string> = [...recipes, ...trapKinds]
const isRateName = (name: string): name is keyof Rates => rateNames.includes(name)

const parseRates = (given: Option.Option<HashMap.HashMap<string, string>>) =>
  Effect.forEach(Option.match(given, { onNone: () => [], onSome: HashMap.toEntries }), ([name, value]) => {
    const rate = Number(value)
    if (!isRateName(name)) {
      return Effect.fail(new GeneratorOptionsError({ option: "rate", value: name, expected: rateNames.join(", ") }))
    }
    if (value.trim() === "" || !Number.isFinite(rate) || rate < 0) {
      return Effect.fail(new GeneratorOptionsError({ option: `rate ${name}`, value, expected: "a number ≥ 0" }))
    }
    return Effect.succeed([name, rate] as const)
  }).pipe(Effect.map((entries): Partial<Rates> => Object.fromEntries(entries)))

const command = Command.make(
  "generate-company",
  {
    customers: Options.integer("customers").pipe(Options.withDefault(2000), Options.withDescription("POM accounts")),
    seed: Options.integer("seed").pipe(Options.withDefault(1)),
    out: Options.text("out").pipe(Options.withDescription("folder to write pom/, qbo/ and truth.json into")),
    today: Options.text("today").pipe(Options.withDefault("2026-11-01"), Options.withDescription("export date")),
    rate: Options.keyValueMap("rate").pipe(
      Options.optional,
      Options.withDescription("recipe or trap=count per 1,000 customers")
    ),
    appointments: Options.integer("appointments").pipe(
      Options.optional,
      Options.withDescription("appointments of each active ordinary customer (with --services and --invoices)")
    ),
    services: Options.integer("services").pipe(Options.optional, Options.withDescription("services of each active ordinary customer")),
    invoices: Options.integer("invoices").pipe(Options.optional, Options.withDescription("invoices of each active ordinary customer"))
  },
  (o) =>
    Effect.gen(function* () {
      const rates = yield* parseRates(o.rate)
      const volume = [o.appointments, o.services, o.invoices]
      const history = volume.every(Option.isNone)
        ? undefined
        : { appointments: Option.getOrElse(o.appointments, () => 0), services: Option.getOrElse(o.services, () => 0), invoices: Option.getOrElse(o.invoices, () => 0) }
      const [took, company] = yield* Effect.timed(
        Effect.try({
          try: () => generateCompany({ seed: o.seed, customers: o.customers, today: o.today, rates, ...(history === undefined ? {} : { history }) }),
          catch: (e) => e
        }).pipe(
          Effect.catchAll((e) => (e instanceof GeneratorOptionsError ? Effect.fail(e) : Effect.die(e))),
          Effect.tap((c) => writeCompany(c, o.out))
        )
      )
      const { pom, qbo, truth } = company
      yield* Console.log(
        `wrote ${o.out}: POM ${pom.customers.length} customers, ${pom.appointments.length} appointments, ` +
          `${pom.services.length} services; QBO ${qbo.customers.length} customers, ${qbo.invoices.length} invoices; ` +
          `${truth.cases.length} cases, ${truth.traps.length} traps, in ${Duration.format(took)}`
      )
    })
)

const cli = Command.run(command, { name: "generate-company", version: "0.1.0" })

cli(process.argv).pipe(Effect.provide(NodeContext.layer), NodeRuntime.runMain)
