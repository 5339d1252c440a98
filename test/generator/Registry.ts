export type RegistrySpace = "email" | "phone" | "address" | "displayName" | "company"

/**
 * The mailbox an address delivers to: mail is case-insensitive, and Gmail ignores dots and anything after a "+"
 * in the name, so "joseph.jones@gmail.com" is the same person as "JosephJones+pool@gmail.com".
 */
const mailbox = (email: string): string => {
  const lower = email.toLowerCase()
  const at = lower.lastIndexOf("@")
  const domain = lower.slice(at + 1)
  if (at < 0 || (domain !== "gmail.com" && domain !== "googlemail.com")) return lower
  return `${lower.slice(0, at).split("+")[0]?.replaceAll(".", "")}@gmail.com`
}

/**
 * Values that must not repeat across unrelated customers. A shared email or phone between two random
 * households would plant an unlabelled duplicate, and QBO itself refuses a repeated DisplayName.
 */
export class Registry {
  private readonly taken: Readonly<Record<RegistrySpace, Set<string>>> = {
    email: new Set(),
    phone: new Set(),
    address: new Set(),
    displayName: new Set(),
    company: new Set()
  }

  /** Claims `value` in `space` (case-insensitive); false if someone already holds it. */
  claim(space: RegistrySpace, value: string): boolean {
    const set = this.taken[space]
    // Phones are digits and address keys are made here: only names and emails arrive in mixed case.
    const key = space === "phone" || space === "address" ? value : space === "email" ? mailbox(value) : value.toLowerCase()
    if (set.has(key)) return false
    set.add(key)
    return true
  }
}
