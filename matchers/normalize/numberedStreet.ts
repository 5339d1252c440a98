/*
 * Numbered streets ("52nd St", "Fifty-Second Street", "52 St") are one street however the number is written, and
 * two numbers are two streets however alike their spelling: "52nd" and "62nd" differ in one character.
 */

const units: ReadonlyMap<string, number> = new Map([
  ["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5], ["sixth", 6], ["seventh", 7], ["eighth", 8],
  ["ninth", 9]
])
const teens: ReadonlyMap<string, number> = new Map([
  ["tenth", 10], ["eleventh", 11], ["twelfth", 12], ["thirteenth", 13], ["fourteenth", 14], ["fifteenth", 15],
  ["sixteenth", 16], ["seventeenth", 17], ["eighteenth", 18], ["nineteenth", 19], ["twentieth", 20], ["thirtieth", 30],
  ["fortieth", 40], ["fiftieth", 50], ["sixtieth", 60], ["seventieth", 70], ["eightieth", 80], ["ninetieth", 90]
])
const tens: ReadonlyMap<string, number> = new Map([
  ["twenty", 20], ["thirty", 30], ["forty", 40], ["fifty", 50], ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90]
])

const ordinalDigits = /^(\d+)(?:st|nd|rd|th)$/

/** Street-name words with each ordinal as its number: ["fifty", "second", "st"] and ["52nd", "st"] → ["52", "st"]. */
export const numberStreetWords = (ws: ReadonlyArray<string>): Array<string> => {
  const out: Array<string> = []
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k] ?? ""
    const digits = ordinalDigits.exec(w)?.[1]
    const ten = tens.get(w)
    const unit = units.get(ws[k + 1] ?? "")
    if (digits !== undefined) out.push(String(Number(digits)))
    else if (ten !== undefined && unit !== undefined) {
      out.push(String(ten + unit))
      k++
    } else {
      const n = units.get(w) ?? teens.get(w)
      out.push(n === undefined ? w : String(n))
    }
  }
  return out
}

/** The numbers in a normalised street name, in order ("" for none): two streets whose numbers differ are two. */
export const streetNumbers = (street: string): string => (street.match(/\d+/g) ?? []).join(" ")
