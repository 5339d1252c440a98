import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { makeMatcher, nicknameFile } from "../../matchers/FellegiSunterMatcher.ts"
import type { MatchRecord } from "../../matchers/MatchRecord.ts"
import { parseNicknameTable } from "../../matchers/normalize/NicknameTable.ts"
import type { MatchEvidence } from "../../pipeline/domain/MatchEvidence.ts"
import { refKey } from "../../pipeline/domain/MatchEvidence.ts"
import { syntheticPeople } from "./syntheticPeople.ts"

export const nicknames = parseNicknameTable(readFileSync(nicknameFile, "utf8"))

/** Dedupes planted records among a background of ordinary customers and finds a pair's evidence by ids. */
export const dedupeAmongBackground = (planted: ReadonlyArray<MatchRecord>, threshold: number) =>
  Effect.gen(function* () {
    const { records } = syntheticPeople(800)
    const result = yield* makeMatcher(nicknames).dedupe([...records, ...planted], { matchThreshold: threshold })
    const byPair = new Map<string, MatchEvidence>()
    for (const e of result.pairs) {
      byPair.set(`${refKey(e.left)}|${refKey(e.right)}`, e)
      byPair.set(`${refKey(e.right)}|${refKey(e.left)}`, e)
    }
    return { result, evidence: (a: string, b: string): MatchEvidence | undefined => byPair.get(`${a}|${b}`) }
  })
