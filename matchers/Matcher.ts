import { Context, type Effect } from "effect"
import type { MatchEvidence } from "../pipeline/domain/MatchEvidence.ts"
import type { MatchRecord } from "./MatchRecord.ts"
import type { Country } from "./normalize/Country.ts"

export interface MatchSettings {
  /** Pairs at or above this posterior probability are treated as the same customer. */
  readonly matchThreshold: number
  /** The company's country, for records whose address does not say theirs; absent: read from each address, else the US. */
  readonly country?: Country | null
}

export interface BlockingRuleStats {
  readonly rule: string
  readonly candidatePairs: number
  /** Blocks too large to pair (a very common value): a true pair in one is found only by another rule. */
  readonly skippedBlocks: number
  readonly skippedPairs: number
}

export interface MatchStats {
  readonly records: number
  readonly candidatePairs: number
  readonly perRule: ReadonlyArray<BlockingRuleStats>
  readonly seconds: { readonly blocking: number; readonly scoring: number; readonly training: number }
  /** The probability of every scored candidate pair, matched or not: the report's score histogram. */
  readonly candidateScores?: Float64Array
}

export interface MatchResult {
  /** Every scored candidate pair at or above the threshold, with its field-by-field evidence. */
  readonly pairs: ReadonlyArray<MatchEvidence>
  readonly stats: MatchStats
}

/**
 * Decides which records are the same customer. `dedupe` finds pairs within one list; `link` finds pairs across
 * two lists (left × right only). The POM–QBO pipeline uses both; `reconcile eval` uses either.
 *
 * Pair semantics by side: POM–POM means the same account (same customer at the same property); QBO–QBO and
 * POM–QBO mean the same payer.
 */
export class Matcher extends Context.Tag("reconcile/Matcher")<
  Matcher,
  {
    readonly dedupe: (records: ReadonlyArray<MatchRecord>, settings: MatchSettings) => Effect.Effect<MatchResult>
    readonly link: (
      left: ReadonlyArray<MatchRecord>,
      right: ReadonlyArray<MatchRecord>,
      settings: MatchSettings
    ) => Effect.Effect<MatchResult>
  }
>() {}
