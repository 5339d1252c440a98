import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI tests run several child processes each; on a loaded 2-core machine that takes a while.
    testTimeout: 180_000,
    // Hooks that set up a sandbox run the whole pipeline once, as long as a test's own runs.
    hookTimeout: 180_000,
    // Two cores on every machine that runs this: more forks only add contention.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: "forks"
  }
})
