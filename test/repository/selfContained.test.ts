import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { projectRoot } from "../sources/csv/tempFiles.ts"

/** Every source file below `dir`, skipping installed packages. */
const sourcesUnder = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourcesUnder(full)
    return /\.(ts|mjs|js)$/.test(e.name) ? [full] : []
  })

describe("the repository", () => {
  // A user's clone has nothing beside it: a test that reads a folder outside the repository passes only here.
  it("has no test or source that reads files from outside the repository", () => {
    const outside = /["'`][^"'`]*\.\.\/(?:\.\.\/)*shared\//
    const offenders = ["test", "sources", "matchers", "pipeline", "reports", "sinks", "cli", "bench", "bin"]
      .flatMap((d) => sourcesUnder(path.join(projectRoot, d)))
      .filter((f) => outside.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(projectRoot, f))
    expect(offenders).toEqual([])
  })
})
