import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { benchParts, defaultPartIds, selectParts } from "../../../bench/targets/BenchPart.ts"

const ids = (only: string | undefined) => Either.map(selectParts(only), (parts) => parts.map((p) => p.id))

describe("selectParts", () => {
  it("takes the default parts, leaving out the 1M run and the live pull, when nothing is named", () => {
    expect(ids(undefined)).toEqual(Either.right(defaultPartIds))
    expect(defaultPartIds).not.toContain("offline-1m")
    expect(defaultPartIds).not.toContain("qbo-pull-100k")
  })

  it("runs the named parts in the benchmark's order, each once, whatever order they were named in", () => {
    expect(ids("offline-10k, help,offline-10k")).toEqual(Either.right(["help", "offline-10k"]))
  })

  it("takes every part for all", () => {
    expect(ids("all")).toEqual(Either.right(benchParts.map((p) => p.id)))
  })

  it("refuses an unknown part and names the known ones", () => {
    const result = selectParts("help,ofline-10k")
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left.unknown).toEqual(["ofline-10k"])
      expect(result.left.message).toContain("offline-100k-heavy")
    }
  })

  it("refuses an empty selection rather than measuring nothing", () => {
    expect(Either.isLeft(selectParts(" , "))).toBe(true)
  })

  it("gives every part its own id, so --only and the JSON file name each one part", () => {
    expect(new Set(benchParts.map((p) => p.id)).size).toBe(benchParts.length)
  })
})
