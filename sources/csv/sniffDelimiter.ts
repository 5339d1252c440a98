/** The delimiters spreadsheets write: comma, semicolon (Excel in locales with a decimal comma), tab ("Unicode text"). */
export const csvDelimiters = [",", ";", "\t"] as const
export type CsvDelimiter = (typeof csvDelimiters)[number]

/** The first line that holds anything but whitespace: the header. */
const headerLine = (text: string): string => text.split("\n").find((line) => line.trim() !== "") ?? ""

/** Counts each delimiter outside double quotes, so a quoted "Smith, John" header does not vote for comma. */
const countOutsideQuotes = (line: string): Map<string, number> => {
  const counts = new Map<string, number>()
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  return counts
}

/**
 * Picks the delimiter from the header line of text whose line ends are already `\n`: the most frequent of
 * comma, semicolon and tab; comma on a tie or when there is none (a one-column file).
 */
export const sniffDelimiter = (text: string): CsvDelimiter => {
  const counts = countOutsideQuotes(headerLine(text))
  let best: CsvDelimiter = ","
  for (const d of csvDelimiters) {
    if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d
  }
  return best
}
