/** Letters a prefix keeps: four tell most names apart ("eliz", "holl") and stop before most slips. */
const PREFIX_LETTERS = 4

/** Fewer letters than this give no prefix: an initial or "al" would pair every name that starts so. */
const MIN_LETTERS = 3

/**
 * The first letters of a normalised name, or of an email's mailbox name (before the "@") up to its first
 * non-letter: "hollythomson3@example.com" and "Holly" both give "holl", "oliver.atkinson@…" and "Oliver" "oliv".
 * A mailbox is most often built from its owner's name, so a record that gives only the mailbox, or only one of
 * the names, still meets the record that gives the name. "" when there are too few letters.
 */
export const namePrefix = (value: string): string => {
  const at = value.lastIndexOf("@")
  const text = at < 0 ? value : value.slice(0, at)
  let letters = 0
  while (letters < text.length && letters < PREFIX_LETTERS) {
    const c = text.charCodeAt(letters)
    if (c < 97 || c > 122) break
    letters++
  }
  return letters < MIN_LETTERS ? "" : text.slice(0, letters)
}
