/*
 * Most history exports quote nothing: ids, dates and statuses hold no delimiter. Without a quote in the text, a
 * record is a line and a cell the text between two delimiters, so splitting the lines gives the records the CSV
 * parser gives with `csvParseOptions` (its trimming is whitespace that the row's own `trim` removes as well), at a
 * fraction of its cost per cell. Only for text known to hold no `"`, and for a delimiter that is not itself
 * whitespace (a tab is, and the parser's trimming around it is its own).
 */

/** Delimiters whose records are plain lines split at the delimiter when the text holds no quote. */
export const plainDelimiter = (delimiter: string): boolean => delimiter === "," || delimiter === ";"

/**
 * Hands each record of quote-free text to `onRecord`, untrimmed, as the parser would emit it (a blank line is one
 * empty cell; the line end after the last line makes no record), until the text ends or `onRecord` says "stop".
 * The text comes in pieces with every line end already "\n"; a line may span pieces.
 */
export const eachPlainRecord = async (
  pieces: AsyncIterable<string>,
  delimiter: string,
  onRecord: (cells: Array<string>) => "stop" | void
): Promise<void> => {
  let carry = ""
  for await (const piece of pieces) {
    const text = carry === "" ? piece : carry + piece
    let start = 0
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      if (onRecord(text.slice(start, end).split(delimiter)) === "stop") return
      start = end + 1
    }
    carry = text.slice(start)
  }
  if (carry !== "") onRecord(carry.split(delimiter))
}
