import { parsePhoneNumberFromString } from "libphonenumber-js"
import { describe, expect, it } from "vitest"
import { normalizePhone } from "../../../matchers/normalize/phone.ts"
import { seededRandom } from "../../../matchers/scoring/random.ts"

describe("normalizePhone", () => {
  it("writes US numbers in E.164 however they are typed", () => {
    for (const typed of ["(614) 710-0074", "614.710.0074", "614-710-0074", "1 614 710 0074", "+1 (614) 710-0074", "6147100074"]) {
      expect(normalizePhone(typed)).toBe("+16147100074")
    }
  })

  it("drops an extension", () => {
    expect(normalizePhone("614-710-0074 ext. 3")).toBe("+16147100074")
    expect(normalizePhone("614-710-0074 x12")).toBe("+16147100074")
  })

  it("reads other countries through libphonenumber", () => {
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958")
    expect(normalizePhone("+1 416 555 0199 (Toronto)")).toBe(normalizePhone("416-555-0199"))
  })

  it("reads a number typed in its local form as a number of the record's country", () => {
    const local: ReadonlyArray<readonly [string, "GB" | "AU" | "CA", string]> = [
      ["020 7946 0958", "GB", "+44 20 7946 0958"],
      ["(020) 7946-0958", "GB", "+44 (0)20 7946 0958"],
      ["07700 900123", "GB", "+44 7700 900123"],
      ["0121 496 0000", "GB", "+44 121 496 0000"],
      ["(02) 9876 5432", "AU", "+61 2 9876 5432"],
      ["0412 345 678", "AU", "+61 412 345 678"],
      ["(416) 555-0199", "CA", "+1 416 555 0199"]
    ]
    for (const [typed, region, international] of local) {
      const e164 = normalizePhone(international)
      expect(e164?.startsWith("+")).toBe(true)
      expect(normalizePhone(typed, region)).toBe(e164)
      expect(normalizePhone(international, region)).toBe(e164)
    }
    // Read as a US number, the same local form is only its digits, and matches nothing international.
    expect(normalizePhone("020 7946 0958")).not.toBe(normalizePhone("+44 20 7946 0958"))
  })

  it("falls back to the digits of an invalid number, or null when too short", () => {
    expect(normalizePhone("555-1234")).toBe("5551234")
    expect(normalizePhone("123-456-7890")).toBe("1234567890")
    expect(normalizePhone("12")).toBeNull()
    expect(normalizePhone("n/a")).toBeNull()
  })

  it("agrees with libphonenumber on random ten-digit numbers (its validity depends on NPA-NXX only)", () => {
    const random = seededRandom(5)
    for (let k = 0; k < 3000; k++) {
      const digits = String(2000000000 + Math.floor(random() * 7999999999))
      const parsed = parsePhoneNumberFromString(`+1${digits}`)
      const expected = parsed?.isValid() === true ? `+1${digits}` : digits
      expect(normalizePhone(digits)).toBe(expected)
    }
  })

  it("reads a phone of digits and punctuation alone as the regular expressions read it", () => {
    // A trailing tab changes nothing a phone says, but sends it down the regular expressions' path.
    const random = seededRandom(11)
    const digit = (): string => String(Math.floor(random() * 10))
    const shapes = ["(###) ###-####", "###.###.####", "+1 ### ### ####", "1-###-###-####", " ###-####", "+44 ## #### ####", "0## #### ####", "+61 # #### ####", "##", "(###)###-####", "+ ###"]
    for (let k = 0; k < 2000; k++) {
      const typed = (shapes[k % shapes.length] ?? "").replace(/#/g, digit)
      for (const region of ["US", "CA", "GB", "AU"] as const) expect(normalizePhone(typed, region)).toBe(normalizePhone(`${typed}\t`, region))
    }
  })
})
