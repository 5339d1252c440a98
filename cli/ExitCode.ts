/**
 * The exit codes every command uses, for cron, systemd and scripts:
 * - 0: done (a run with cases is done too, unless asked to signal them);
 * - 1: failed (unusable input, a system unreachable, a lock held, an approved case that did not complete);
 * - 2: cases need review (`run --exit-code-for-review` / `schedule`: new or open cases were found);
 * - 3: apply is waiting for work by hand: POM steps in pom-worklist.csv (no POM API access), QBO steps in
 *   qbo-worklist.csv (never sent through the API).
 */
export const ExitCode = { ok: 0, failure: 1, needsReview: 2, waitingForHands: 3 } as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** Sets the process's exit code without exiting, so finalizers (the run lock, the store) still run. */
export const setExitCode = (code: ExitCode): void => {
  if (code > (process.exitCode === undefined ? 0 : Number(process.exitCode))) process.exitCode = code
}
