import { describe, expect, it } from "vitest"
import { Registry } from "./Registry.ts"

describe("Registry", () => {
  it("refuses an email that reaches a mailbox already taken: any case, and Gmail's dots and +tags", () => {
    const registry = new Registry()
    expect(registry.claim("email", "joseph.jones@gmail.com")).toBe(true)
    expect(registry.claim("email", "JosephJones@Gmail.com")).toBe(false)
    expect(registry.claim("email", "jo.seph.jones+pool@googlemail.com")).toBe(false)
    expect(registry.claim("email", "JOSEPH.JONES@GMAIL.COM")).toBe(false)
  })

  it("keeps dots significant outside Gmail, where they name different mailboxes", () => {
    const registry = new Registry()
    expect(registry.claim("email", "joseph.jones@yahoo.com")).toBe(true)
    expect(registry.claim("email", "josephjones@yahoo.com")).toBe(true)
    expect(registry.claim("email", "Joseph.Jones@Yahoo.com")).toBe(false)
  })
})
