/**
 * The longest cell a reader accepts, in characters. No name, address, id or note in either system comes near it;
 * a longer cell is a file gone wrong (a stray quote that swallowed the lines after it, a pasted document), and
 * its row is not read.
 */
export const MAX_CELL_CHARS = 4096

/** How much of a long cell `rejected.csv` shows: enough to find the row, not the whole paste. */
const SHOWN_CHARS = 200

const NONE: ReadonlyArray<number> = []

/** The 0-based positions of a row's cells that are over the limit. */
export const longCells = (cells: ReadonlyArray<string>): ReadonlyArray<number> => {
  // Asked of every row of every file, where nearly always none is: that answer costs no array.
  let found: Array<number> | null = null
  for (let i = 0; i < cells.length; i++) if ((cells[i]?.length ?? 0) > MAX_CELL_CHARS) (found ??= []).push(i)
  return found ?? NONE
}

/** A cell as shown back to a person: a cell over the limit is cut short, saying how long it was. */
export const shownCell = (cell: string): string =>
  cell.length > MAX_CELL_CHARS ? `${cell.slice(0, SHOWN_CHARS)}… (${cell.length} characters)` : cell
