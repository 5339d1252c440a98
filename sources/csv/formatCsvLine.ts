/** Writes cells back as one CSV line, quoting where needed: how a rejected row is shown to the person fixing it. */
export const formatCsvLine = (cells: ReadonlyArray<string>, delimiter: string): string =>
  cells
    .map((cell) =>
      cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") ? `"${cell.replaceAll('"', '""')}"` : cell
    )
    .join(delimiter)
