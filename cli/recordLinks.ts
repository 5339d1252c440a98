import { Options } from "@effect/cli"
import { Config, Effect, Option, Schema } from "effect"
import { qboAppUrl } from "../reports/QboWorklistCsv.ts"
import type { RecordLinks } from "../reports/RecordLinks.ts"
import { readSettings } from "../sources/SettingsError.ts"
import { qboSettingsGuide } from "../sources/qbo/api/QboConfig.ts"

export const pomCustomerUrl = Options.text("pom-customer-url").pipe(
  Options.optional,
  Options.withDescription("Link to a POM customer's page, {id} standing for the POM customer id (default: POM_APP_CUSTOMER_URL)")
)

export class PomLinkTemplateError extends Schema.TaggedError<PomLinkTemplateError>()("PomLinkTemplateError", {
  template: Schema.String,
  source: Schema.String
}) {
  override get message(): string {
    return `${this.source} "${this.template}" is not a link template: it must start with https:// or http:// and contain {id} where the POM customer id goes, e.g. https://pom.example/customers/{id}`
  }
}

const TEMPLATE = /^https?:\/\/\S*\{id\}\S*$/

/** The POM customer link template: the option, else POM_APP_CUSTOMER_URL, else none (POM ids stay plain text). */
export const pomCustomerUrlTemplate = (option: Option.Option<string>) =>
  Effect.gen(function* () {
    const fromEnv = yield* Config.option(Config.string("POM_APP_CUSTOMER_URL"))
    const [template, source] = Option.isSome(option)
      ? [option.value, "--pom-customer-url"]
      : Option.isSome(fromEnv) && fromEnv.value.trim() !== ""
        ? [fromEnv.value.trim(), "POM_APP_CUSTOMER_URL"]
        : [null, ""]
    if (template === null) return null
    if (!TEMPLATE.test(template)) return yield* new PomLinkTemplateError({ template, source })
    return template
  })

/** QBO_ENVIRONMENT, read as the QBO client reads it, so an unusable value is said the same way everywhere. */
export const qboEnvironment = readSettings(
  Config.literal("sandbox", "production")("QBO_ENVIRONMENT").pipe(Config.withDefault("sandbox" as const)),
  qboSettingsGuide
)

/** Where review.xlsx links point: QBO's web app for QBO_ENVIRONMENT (sandbox by default), POM as configured. */
export const recordLinksFrom = (option: Option.Option<string>) =>
  Effect.gen(function* () {
    const environment = yield* qboEnvironment
    return { qboApp: qboAppUrl(environment), pomCustomer: yield* pomCustomerUrlTemplate(option) } satisfies RecordLinks
  })
