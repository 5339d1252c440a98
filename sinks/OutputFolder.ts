import { FileSystem, Path } from "@effect/platform"
import { Effect, Schema } from "effect"

export class OutputError extends Schema.TaggedError<OutputError>()("OutputError", {
  path: Schema.String,
  cause: Schema.Defect
}) {
  override get message(): string {
    const detail = this.cause instanceof Error ? this.cause.message : String(this.cause)
    return `Could not write ${this.path}: ${detail}. Check that the --out folder is writable.`
  }
}

/**
 * Writes a file whole or not at all (temp file, then rename), so an admin never opens a half-written review
 * file, and a failed run leaves the previous one intact.
 */
export const writeOutputFile = (dir: string, name: string, content: string | Uint8Array) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const target = path.join(dir, name)
    const temp = `${target}.tmp-${process.pid}`
    yield* fs.makeDirectory(dir, { recursive: true })
    yield* typeof content === "string" ? fs.writeFileString(temp, content) : fs.writeFile(temp, content)
    yield* fs.rename(temp, target)
    return target
  }).pipe(Effect.mapError((cause) => new OutputError({ path: `${dir}/${name}`, cause })))
