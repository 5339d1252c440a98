import type { BlockerKind } from "../pipeline/domain/Blocker.ts"

/** How each kind of blocker reads in the review file and the report, so an admin sees at once what is theirs to do. */
export const BLOCKER_KIND_LABEL: Readonly<Record<BlockerKind, string>> = {
  choice: "choose",
  "by-hand": "by hand in QBO",
  "cannot-apply": "cannot apply"
}
