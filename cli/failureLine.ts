import { ValidationError } from "@effect/cli"
import { Cause, Option } from "effect"
import { oneLine } from "./CliConsole.ts"

/** Settings whose values must never be printed, whatever message they end up in. */
const SECRET_SETTINGS = ["QBO_CLIENT_SECRET", "POM_API_TOKEN", "POM_PASSWORD"] as const

const withoutSecrets = (text: string, env: NodeJS.ProcessEnv): string =>
  SECRET_SETTINGS.reduce((line, name) => {
    const value = env[name] ?? ""
    // A value this short is not a credential and would blot out ordinary words.
    return value.length < 4 ? line : line.split(value).join("<redacted>")
  }, text)

const messageOf = (value: unknown): string => {
  if (typeof value === "string") return value
  if (typeof value === "object" && value !== null && "message" in value && typeof value.message === "string") return value.message
  return ""
}

/**
 * The one line a failed command ends with, or nothing when @effect/cli has already printed its usage error
 * (see `cliConsole`). Errors of the tool explain themselves; anything else is a bug, said as such, with only its
 * message: a stack or a dumped object could carry a token.
 */
export const failureLine = (cause: Cause.Cause<unknown>, env: NodeJS.ProcessEnv = process.env): Option.Option<string> => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure) && ValidationError.isValidationError(failure.value)) return Option.none()
  const line = Option.match(failure, {
    onSome: (error) => {
      const message = oneLine(messageOf(error))
      return message === "" ? "the command failed without saying why (a bug: please report it with the command you ran)" : message
    },
    onNone: () => {
      const defect = Cause.dieOption(cause)
      if (Option.isNone(defect)) return Cause.isInterruptedOnly(cause) ? "stopped before finishing" : "the command failed without saying why"
      const message = oneLine(messageOf(defect.value))
      return `unexpected failure, a bug: please report it with the command you ran${message === "" ? "" : ` (${message})`}`
    }
  })
  return Option.some(`error: ${withoutSecrets(line, env)}`)
}
