import { FileSystem } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { Effect } from "effect"
import type { Scope } from "effect"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

/** The project root, found from this file's place in `test/sources/csv/`. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")

export const fixturePath = (...parts: ReadonlyArray<string>): string => path.join(projectRoot, "test/fixtures", ...parts)

/** Writes the files into a fresh temporary folder that is removed when the scope closes; returns the folder. */
export const tempFolderWith = (
  files: Readonly<Record<string, string | Uint8Array>>
): Effect.Effect<string, PlatformError, FileSystem.FileSystem | Scope.Scope> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const dir = yield* fs.makeTempDirectoryScoped({ prefix: "reconcile-test-" })
    for (const [name, content] of Object.entries(files)) {
      const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content
      yield* fs.writeFile(path.join(dir, name), bytes)
    }
    return dir
  })

/** Bytes of text in Windows-1252, the code page Excel uses for "CSV (Comma delimited)" on Western machines. */
export const cp1252 = (text: string): Uint8Array => {
  // Latin-1 and Windows-1252 agree on every character these tests write (none in 0x80-0x9F).
  const bytes = Buffer.from(text, "latin1")
  return new Uint8Array(bytes)
}
