import { Schema } from "effect"

/** A workbook that cannot be read at all (not an .xlsx, damaged, no sheet, no header row). */
export class XlsxFileError extends Schema.TaggedError<XlsxFileError>()("XlsxFileError", {
  file: Schema.String,
  /** What is wrong and what to do about it. */
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.file}: ${this.detail}`
  }
}
