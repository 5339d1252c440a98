import { Config, ConfigError, Either, Option } from "effect"
import { qboAppUrl } from "./QboWorklistCsv.ts"

/**
 * Where an admin opens a record to look at it: QBO's web app (production or sandbox) and, when the office set a
 * template, its POM customer page. Shared by every file that links records, so they all open the same pages.
 */
export interface RecordLinks {
  /** QBO's web app, e.g. `https://app.qbo.intuit.com`. */
  readonly qboApp: string
  /** A POM customer page with `{id}` for the customer id; null when not configured, and then no POM link is made. */
  readonly pomCustomer: string | null
}

export const qboCustomerLink = (links: RecordLinks, id: string): string => `${links.qboApp}/app/customerdetail?nameId=${encodeURIComponent(id)}`

export const qboInvoiceLink = (links: RecordLinks, id: string): string => `${links.qboApp}/app/invoice?txnId=${encodeURIComponent(id)}`

export const pomCustomerLink = (links: RecordLinks, id: string): string | null =>
  links.pomCustomer === null ? null : links.pomCustomer.split("{id}").join(encodeURIComponent(id))

/** Why a POM link template cannot be used, or null when it can. */
export const pomTemplateProblem = (template: string): string | null => {
  if (!template.includes("{id}")) return "it must contain {id}, which stands for the POM customer id"
  const sample = template.split("{id}").join("1")
  const parsed = URL.canParse(sample) ? new URL(sample) : null
  if (parsed === null || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) return "it must be an http:// or https:// address"
  return null
}

/**
 * The links from the environment: `QBO_ENVIRONMENT` (`sandbox`, the default, or `production`) and
 * `POM_APP_CUSTOMER_URL`, e.g. `https://app.poolofficemanager.com/customers/{id}`.
 */
export const recordLinksConfig: Config.Config<RecordLinks> = Config.all({
  environment: Config.literal("sandbox", "production")("QBO_ENVIRONMENT").pipe(Config.withDefault("sandbox" as const)),
  pomCustomer: Config.string("POM_APP_CUSTOMER_URL").pipe(
    Config.mapOrFail((template) => {
      const problem = pomTemplateProblem(template)
      return problem === null ? Either.right(template) : Either.left(ConfigError.InvalidData([], `POM_APP_CUSTOMER_URL "${template}" cannot be used: ${problem}`))
    }),
    Config.option
  )
}).pipe(Config.map(({ environment, pomCustomer }) => ({ qboApp: qboAppUrl(environment), pomCustomer: Option.getOrNull(pomCustomer) })))
