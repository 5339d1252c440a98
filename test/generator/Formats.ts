import type { StreetAddress } from "./Household.ts"
import type { Prng } from "./Prng.ts"

/*
 * The ways people type one phone number or one address. Each record picks its own spelling, so the records of one
 * customer rarely agree character for character, as in any two systems filled in by different people.
 */

/** "(555) 123-4567", "555-123-4567", "555.123.4567", "+1 555 123 4567", "5551234567", "(555)123-4567". */
const formatPhone = (digits: string, style: number): string => {
  const a = digits.slice(0, 3)
  const b = digits.slice(3, 6)
  const c = digits.slice(6)
  switch (style) {
    case 0:
      return `(${a}) ${b}-${c}`
    case 1:
      return `${a}-${b}-${c}`
    case 2:
      return `${a}.${b}.${c}`
    case 3:
      return `+1 ${a} ${b} ${c}`
    case 4:
      return `${a}${b}${c}`
    default:
      return `(${a})${b}-${c}`
  }
}

const phoneStyleWeights = [0.45, 0.25, 0.1, 0.06, 0.1, 0.04]

/** A phone as one person would type it; now and then with an office extension ("5551234567 x12"). */
export const typePhone = (rng: Prng, digits: string): string => {
  let x = rng.next()
  let style = 0
  while (style < phoneStyleWeights.length - 1 && x >= (phoneStyleWeights[style] ?? 0)) {
    x -= phoneStyleWeights[style] ?? 0
    style++
  }
  const phone = formatPhone(digits, style)
  return rng.chance(0.03) ? `${phone} x${rng.int(10, 49)}` : phone
}

export interface StreetSpelling {
  readonly longSuffix: boolean
  readonly longDirection: boolean
  /** 0 "Apt 4", 1 "#4", 2 "Unit 4", 3 "Apt. 4". */
  readonly unitForm: number
  readonly upper: boolean
}

const spellStreet = (a: StreetAddress, s: StreetSpelling): string => {
  const direction = a.direction === null ? "" : `${s.longDirection ? a.direction[1] : a.direction[0]} `
  const suffix = s.longSuffix ? a.suffix[1] : a.suffix[0]
  const unit =
    a.unit === null ? "" : [` Apt ${a.unit}`, ` #${a.unit}`, ` Unit ${a.unit}`, `, Apt. ${a.unit}`][s.unitForm] ?? ""
  const street = `${a.number} ${direction}${a.name} ${suffix}${unit}`
  return s.upper ? street.toUpperCase() : street
}

/** A street as typed: short forms are the habit, spelled-out forms come from imports and careful typists. */
export const typeStreet = (rng: Prng, a: StreetAddress, longForms: number): string =>
  spellStreet(a, {
    longSuffix: rng.chance(longForms),
    longDirection: rng.chance(longForms),
    unitForm: rng.int(0, 3),
    upper: rng.chance(0.02)
  })

export const typeZip = (rng: Prng, a: StreetAddress, plus4Chance: number): string =>
  rng.chance(plus4Chance) ? `${a.zip}-${a.plus4}` : a.zip

/** "john.smith@gmail.com" → "John.Smith@Gmail.com": mail is case-insensitive, people's typing is not. */
export const recaseEmail = (email: string): string =>
  email.replace(/(^|[.@_])([a-z])/g, (_m: string, sep: string, ch: string) => `${sep}${ch.toUpperCase()}`)
