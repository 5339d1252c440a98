import { readFileSync } from "node:fs"
import { crowdedNames } from "../../test/matchers/eval/crowdedNames.ts"
import { type BlockingRule, defaultBlockingRules, type KeyPart } from "../blocking/BlockingRule.ts"
import { buildBlocks, tokenTexts } from "../blocking/buildBlocks.ts"
import { candidatePairs } from "../blocking/candidatePairs.ts"
import { nearestByLetterPairs } from "../blocking/nearestByLetters.ts"
import { MAX_RULES, ProposedPairs } from "../blocking/unionPairs.ts"
import { parseNicknameTable } from "../normalize/NicknameTable.ts"
import type { FieldName } from "../prepare/FieldName.ts"
import { prepareRecords } from "../prepare/PreparedRecords.ts"

/*
 * What the crowded name-only set's remaining blocking misses would cost to find (README, "Matching"):
 * `npx tsx matchers/bench/benchCrowdedBlockingCost.ts [records] [seed]`. Adds each variant to the default rules'
 * candidates and prints pairs a record and blocking recall, alone and unioned; last, an oracle that adds whole
 * blocks of seven name keys in the order of the true pairs they bring per pair (it reads the truth, so no rule can
 * do better with those keys), with the pairs a record it needs to reach each recall.
 */
const size = Number(process.argv[2] ?? "50000")
const seed = Number(process.argv[3] ?? "1")
const { records, entity } = crowdedNames({ records: size, seed })
const nicknames = parseNicknameTable(readFileSync(new URL("../data/nicknames.csv", import.meta.url), "utf8"))
const prepared = prepareRecords(records, { sides: null, nicknames })
const n = prepared.size
const texts = tokenTexts(prepared)
const base = candidatePairs(prepared, defaultBlockingRules)
const keyOf = (a: number, b: number): number => (a < b ? a * n + b : b * n + a)
const candidates = new Set<number>()
for (let k = 0; k < base.count; k++) candidates.add(keyOf(base.left[k] ?? 0, base.right[k] ?? 0))
const isTrue = (a: number, b: number): boolean => entity[a] === entity[b]
let truePairs = 0
const perEntity = new Map<string, number>()
for (const e of entity) perEntity.set(e, (perEntity.get(e) ?? 0) + 1)
for (const m of perEntity.values()) truePairs += (m * (m - 1)) / 2
let baseFound = 0
for (const key of candidates) if (isTrue(Math.floor(key / n), key % n)) baseFound++

const round = (x: number, digits: number): number => Number(x.toFixed(digits))
const print = (variant: string, pairs: number, found: number, alonePairs: number, aloneFound: number): void => {
  process.stdout.write(
    `${JSON.stringify({
      variant,
      pairsPerRecord: round(pairs / n, 2),
      blockingRecall: round(found / truePairs, 4),
      alonePairsPerRecord: round(alonePairs / n, 2),
      aloneRecall: round(aloneFound / truePairs, 4)
    })}\n`
  )
}
print("default rules", candidates.size, baseFound, candidates.size, baseFound)

const part = (transform: KeyPart["transform"], ...fields: ReadonlyArray<FieldName>): KeyPart => ({ fields, transform })
const uncapped = (parts: ReadonlyArray<KeyPart>, unordered: boolean): BlockingRule => ({
  name: "variant",
  parts,
  maxBlockSize: Number.MAX_SAFE_INTEGER,
  maxPairsPerRecord: Number.MAX_SAFE_INTEGER,
  unordered
})
const townless = (i: number): boolean => (prepared.columns.city.offsets[i + 1] ?? 0) === (prepared.columns.city.offsets[i] ?? 0)

/** Every pair of every block of at most `cap` records (a pair in two blocks once), or only those `keep` allows. */
const everyBlock = (variant: string, rule: BlockingRule, cap: number, keep: (a: number, b: number) => boolean = () => true): void => {
  const blocks = buildBlocks(prepared, rule, texts)
  const added = new Set<number>()
  let alonePairs = 0
  let aloneFound = 0
  for (let b = 0; b < blocks.count; b++) {
    const from = blocks.starts[b] ?? 0
    const to = blocks.starts[b + 1] ?? 0
    if (to - from > cap) continue
    for (let x = from; x < to; x++) {
      for (let y = x + 1; y < to; y++) {
        const i = blocks.members[x] ?? 0
        const j = blocks.members[y] ?? 0
        if (!keep(i, j)) continue
        const key = keyOf(i, j)
        if (added.has(key)) continue
        added.add(key)
        alonePairs++
        if (isTrue(i, j)) aloneFound++
      }
    }
  }
  let pairs = candidates.size
  let found = baseFound
  for (const key of added) {
    if (candidates.has(key)) continue
    pairs++
    if (isTrue(Math.floor(key / n), key % n)) found++
  }
  print(variant, pairs, found, alonePairs, aloneFound)
}

const bothSounds = uncapped([part("sound", "firstName"), part("sound", "lastName")], true)
const all = Number.MAX_SAFE_INTEGER
everyBlock("+ every block of first+last name sound (on this set, every record is name-only)", bothSounds, all)
for (const cap of [500, 200]) everyBlock(`+ first+last name sound, blocks of at most ${cap}`, bothSounds, cap)
everyBlock("+ every block of first+last name sound, pairs with a record without a town only", bothSounds, all, (i, j) => townless(i) || townless(j))
const lastInitial = uncapped([part("sound", "lastName"), part("initial", "firstName")], false)
everyBlock("+ every block of last name sound+first initial", lastInitial, all)
everyBlock("+ last name sound+first initial, blocks of at most 1000", lastInitial, 1000)

const nearestRule = defaultBlockingRules.find((r) => r.nearest !== undefined)
for (const neighbours of [5, 10, 20]) {
  if (nearestRule?.nearest === undefined) break
  const proposed = new ProposedPairs()
  // Every record looks for neighbours: none of this set's records has a company name.
  const nearest = { ...nearestRule.nearest, lacking: ["companyName" as const], unless: [], neighbours }
  nearestByLetterPairs(prepared, nearestRule.parts, nearest, nearestRule.maxBlockSize, texts, Number.MAX_SAFE_INTEGER, proposed, 0)
  const added = new Set<number>()
  for (let k = 0; k < proposed.lefts.length; k++) {
    added.add(keyOf(proposed.lefts.at(k), Math.floor(proposed.tagged.at(k) / MAX_RULES)))
  }
  let pairs = candidates.size
  let found = baseFound
  let aloneFound = 0
  for (const key of added) {
    const t = isTrue(Math.floor(key / n), key % n)
    if (t) aloneFound++
    if (candidates.has(key)) continue
    pairs++
    if (t) found++
  }
  print(`+ nearest ${neighbours} by name letters, every record`, pairs, found, added.size, aloneFound)
}

// The oracle: whole blocks of these keys, uncapped, the most true pairs per new pair first.
const families = [
  bothSounds,
  lastInitial,
  uncapped([part("sound", "firstName"), part("initial", "lastName")], false),
  uncapped([part("initial", "firstName"), part("initial", "lastName"), part("value", "city")], true),
  uncapped([part("sound", "lastName"), part("value", "city")], false),
  uncapped([part("sound", "firstName"), part("value", "city")], false),
  uncapped([part("prefix", "firstName", "lastName")], false)
]
const gainful: Array<{ readonly members: Int32Array; readonly ratio: number }> = []
for (const rule of families) {
  const blocks = buildBlocks(prepared, rule, texts)
  for (let b = 0; b < blocks.count; b++) {
    const members = blocks.members.slice(blocks.starts[b] ?? 0, blocks.starts[b + 1] ?? 0)
    let cost = 0
    let gain = 0
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] ?? 0
        const j = members[y] ?? 0
        if (candidates.has(keyOf(i, j))) continue
        cost++
        if (isTrue(i, j)) gain++
      }
    }
    if (gain > 0) gainful.push({ members, ratio: gain / cost })
  }
}
gainful.sort((a, b) => b.ratio - a.ratio)
const marks = [0.87, 0.9, 0.92, 0.93, 0.94, 0.95]
let pairs = candidates.size
let found = baseFound
let mark = 0
for (const { members } of gainful) {
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      const key = keyOf(members[x] ?? 0, members[y] ?? 0)
      if (candidates.has(key)) continue
      candidates.add(key)
      pairs++
      if (isTrue(members[x] ?? 0, members[y] ?? 0)) found++
    }
  }
  for (; mark < marks.length && found / truePairs >= (marks[mark] ?? 1); mark++) {
    process.stdout.write(`${JSON.stringify({ variant: "oracle over whole name-key blocks", blockingRecall: marks[mark], pairsPerRecord: round(pairs / n, 2) })}\n`)
  }
  if (mark === marks.length) break
}
process.stdout.write(`${JSON.stringify({ variant: "oracle, last", pairsPerRecord: round(pairs / n, 2), blockingRecall: round(found / truePairs, 4) })}\n`)
