import { HelpDoc, Options, ValidationError } from "@effect/cli"
import { Effect, Either, ParseResult, Schema } from "effect"
import { countries, countryNamed } from "../matchers/normalize/Country.ts"
import { CalendarDate } from "../pipeline/domain/CalendarDate.ts"
import { parseSpreadsheetDate } from "../sources/csv/parseSpreadsheetDate.ts"

/*
 * What option values must be, as schemas: the CLI decodes every value with one before a command starts, so a
 * command only ever sees a usable value. Each error names the option and says what would be accepted.
 */

/** A match probability: above 0 (0 would match everything) and at most 1. */
export const probability = (option: string) =>
  Schema.Number.pipe(
    Schema.filter((p) => (p > 0 && p <= 1) || `--${option} must be a probability above 0 and at most 1, such as 0.9, not ${p}`)
  )

/** A whole number from 1 up. */
export const atLeastOne = (option: string, what: string) =>
  Schema.Number.pipe(Schema.filter((n) => (Number.isInteger(n) && n >= 1) || `--${option} must be a whole number from 1 up (${what}), not ${n}`))

const httpUrlProblem = (text: string): string | null => {
  if (!URL.canParse(text)) return "is not a URL"
  const url = new URL(text)
  return url.protocol === "http:" || url.protocol === "https:" ? null : `uses ${url.protocol.slice(0, -1)}, not http or https`
}

/** An http(s) address. The value is not repeated in the message: a webhook's URL often carries its key. */
export const httpUrl = (option: string) =>
  Schema.String.pipe(
    Schema.filter((text) => {
      const problem = httpUrlProblem(text)
      return problem === null || `--${option} ${problem}: give an address such as https://hooks.example/reconcile`
    })
  )

/** A link template with `{id}` where the POM customer id goes: an http(s) address once the id is in. */
export const customerUrlTemplate = (option: string) =>
  Schema.String.pipe(
    Schema.filter((template) => {
      if (!template.includes("{id}")) return `--${option} must contain {id} where the POM customer id goes, such as 'https://app.example/customers/{id}'`
      const problem = httpUrlProblem(template.replace("{id}", "1"))
      return problem === null || `--${option} ${problem} once {id} is filled in: give an address such as 'https://app.example/customers/{id}'`
    })
  )

/** One of the countries the matcher reads addresses and phones of, by code in any case ("UK" for GB) or name. */
export const countryCode = (option: string) =>
  Schema.transformOrFail(Schema.String, Schema.Literal(...countries), {
    strict: true,
    decode: (text, _, ast) => {
      const country = countryNamed(text)
      return country !== null
        ? ParseResult.succeed(country)
        : ParseResult.fail(new ParseResult.Type(ast, text, `--${option} must be one of ${countries.join(", ")} (the company's country), not "${text}"`))
    },
    encode: (country) => ParseResult.succeed(country)
  })

const DAY_SHAPE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})$/

/**
 * A day as an admin types it: `YYYY-MM-DD` or `M/D/YYYY` (US spreadsheets), checked against the calendar
 * (2026-02-30 is refused), turned into a `CalendarDate` so that it compares as a date.
 */
export const typedDay = (option: string) =>
  Schema.transformOrFail(Schema.String, CalendarDate, {
    strict: true,
    decode: (text, _, ast) => {
      const refuse = (reason: string) => ParseResult.fail(new ParseResult.Type(ast, text, `--${option}: ${reason}`))
      return Either.match(parseSpreadsheetDate(text), {
        onLeft: () =>
          refuse(
            DAY_SHAPE.test(text.trim())
              ? `"${text}" is not a day on the calendar`
              : `"${text}" is not a date: give a day as YYYY-MM-DD or M/D/YYYY, such as 2025-12-31`
          ),
        onRight: (day) =>
          day === null
            ? refuse("give a day as YYYY-MM-DD or M/D/YYYY, such as 2025-12-31")
            : day.length === 10
              ? ParseResult.succeed(day)
              : refuse(`"${text}" has a time; give only the day, as YYYY-MM-DD or M/D/YYYY`)
      })
    },
    encode: (day) => ParseResult.succeed(day)
  })

/**
 * Decodes an option's value with `schema`; a refusal is a usage error carrying the schema's own words, without
 * Schema's tree of where in the value it failed (an option's value has no inside).
 */
export const decodedWith =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (self: Options.Options<I>): Options.Options<A> =>
    Options.mapEffect(self, (value) =>
      Schema.decodeUnknown(schema)(value).pipe(
        Effect.mapError((error) =>
          ValidationError.invalidValue(HelpDoc.p(ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => issue.message).join("; ")))
        )
      )
    )
