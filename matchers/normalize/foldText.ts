const nonAscii = /[^\x00-\x7f]/

/**
 * Lower case, accents removed, every run of characters other than letters and digits turned into one space,
 * trimmed. Apostrophes are dropped rather than spaced so that "O'Brien" and "OBrien" fold alike.
 */
export const foldText = (raw: string): string => {
  // Unicode decomposition is the slow step and plain ASCII (nearly every value) does not need it.
  const ascii = nonAscii.test(raw) ? raw.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : raw
  return ascii
    .toLowerCase()
    .replace(/['\u2019`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

/** `foldText` split into words. */
export const foldWords = (raw: string): Array<string> => {
  const folded = foldText(raw)
  return folded === "" ? [] : folded.split(" ")
}
