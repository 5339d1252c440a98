const gmailDomains = new Set(["gmail.com", "googlemail.com"])

/**
 * Folds an email address: trimmed and lower-cased; for Gmail (and its old googlemail.com domain) the dots and
 * any "+tag" in the local part are dropped, since Gmail delivers all those spellings to one inbox. Returns null
 * for a value that is not an address (no "@", or nothing either side of it).
 */
export const normalizeEmail = (raw: string): string | null => {
  const value = raw.trim().toLowerCase().replace(/^mailto:/, "")
  const at = value.lastIndexOf("@")
  if (at <= 0 || at === value.length - 1 || /\s/.test(value)) return null
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (!gmailDomains.has(domain)) return value
  const plus = local.indexOf("+")
  const bare = (plus >= 0 ? local.slice(0, plus) : local).replace(/\./g, "")
  return bare === "" ? null : `${bare}@gmail.com`
}
