import { Schema } from "effect"

/** The nickname table that ships with the matcher could not be read. */
export class NicknameFileError extends Schema.TaggedError<NicknameFileError>()("NicknameFileError", {
  file: Schema.String,
  cause: Schema.Defect
}) {
  override get message(): string {
    return `cannot read the nickname table ${this.file}: it ships with the matcher (matchers/data/); restore it from the repository`
  }
}
