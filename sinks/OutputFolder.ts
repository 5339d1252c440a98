import { FileSystem, Path } from "@effect/platform"
import { Effect, Schema } from "effect"

const detailOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause))

export class OutputError extends Schema.TaggedError<OutputError>()("OutputError", {
  path: Schema.String,
  cause: Schema.Defect
}) {
  override get message(): string {
    return `Could not write ${this.path}: ${detailOf(this.cause)}. Check that the --out folder is writable.`
  }
}

/** The output folder cannot take files: found before anything is done, so nothing is half done. */
export class OutputFolderNotWritable extends Schema.TaggedError<OutputFolderNotWritable>()("OutputFolderNotWritable", {
  folder: Schema.String,
  cause: Schema.Defect
}) {
  override get message(): string {
    return `Cannot write to the output folder ${this.folder}: ${detailOf(this.cause)}. Nothing was done; choose another --out or make the folder writable.`
  }
}

/* Every output names customers: readable by their owner only, in folders only their owner can open. */
const FILE_MODE = 0o600
const FOLDER_MODE = 0o700

/**
 * Creates the folder if missing and proves it takes a file (write and remove a probe), so a command that changes
 * QBO or POM can refuse before its first write rather than fail afterwards with its report unwritten.
 */
export const checkWritableFolder = (dir: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const probe = path.join(dir, `.reconcile-write-check-${process.pid}`)
    yield* fs.makeDirectory(dir, { recursive: true, mode: FOLDER_MODE })
    yield* fs.writeFileString(probe, "", { mode: FILE_MODE })
    yield* fs.remove(probe)
  }).pipe(Effect.mapError((cause) => new OutputFolderNotWritable({ folder: dir, cause })))

export interface WriteOptions {
  /** false: fail rather than replace a file of that name (a report that must never overwrite an earlier one). */
  readonly replace?: boolean
}

/**
 * Writes a file whole or not at all (temp file, then rename), so an admin never opens a half-written review
 * file, and a failed run leaves the previous one intact. A failed write removes its temp file.
 */
export const writeOutputFile = (dir: string, name: string, content: string | Uint8Array, options: WriteOptions = {}) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const target = path.join(dir, name)
    const temp = `${target}.tmp-${process.pid}`
    yield* fs.makeDirectory(dir, { recursive: true, mode: FOLDER_MODE })
    yield* Effect.gen(function* () {
      yield* typeof content === "string" ? fs.writeFileString(temp, content, { mode: FILE_MODE }) : fs.writeFile(temp, content, { mode: FILE_MODE })
      // A temp file left by an earlier process with this pid keeps its old mode through a rewrite.
      yield* fs.chmod(temp, FILE_MODE)
      if (options.replace === false) {
        // link fails when the name is taken, where rename would silently replace the earlier file.
        yield* fs.link(temp, target)
        yield* fs.remove(temp)
      } else yield* fs.rename(temp, target)
    }).pipe(Effect.tapError(() => fs.remove(temp).pipe(Effect.ignore)))
    return target
  }).pipe(Effect.mapError((cause) => new OutputError({ path: `${dir}/${name}`, cause })))
