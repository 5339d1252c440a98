import type { PostalAddress } from "../pipeline/domain/PomRecords.ts"
import type { RecordRef } from "../pipeline/domain/MatchEvidence.ts"

/**
 * The matcher's view of a customer from either system, or of a row of a labelled data set (`reconcile eval`).
 * Values are as typed by people; normalisation is the matcher's job.
 */
export interface MatchRecord {
  readonly ref: RecordRef
  readonly firstName: string
  readonly lastName: string
  /** A whole name in one field ("Mr & Mrs John Doe", "Doe, John"), used when first/last are empty. */
  readonly fullName: string
  readonly companyName: string
  readonly emails: ReadonlyArray<string>
  readonly phones: ReadonlyArray<string>
  /**
   * The property address: for POM the service address, for QBO the billing (else shipping) address. Two POM
   * accounts of one person at different addresses are two properties, not duplicates.
   */
  readonly address: PostalAddress | null
}
