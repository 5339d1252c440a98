export type RegistrySpace = "email" | "phone" | "address" | "displayName" | "company"

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
    const key = space === "phone" || space === "address" ? value : value.toLowerCase()
    if (set.has(key)) return false
    set.add(key)
    return true
  }
}
