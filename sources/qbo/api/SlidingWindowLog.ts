/**
 * Pacing by a sliding-window log of request starts. QBO counts a request when it arrives, a moment after it went
 * out on the wire; counting those times over windows a little longer than QBO's (see `QboLimits` margins) keeps
 * the server's count under its limit however it aligns its windows, as long as the network's delay varies by less
 * than the margin. How long the answer takes does not matter: that is what the in-flight limit is for.
 */

export interface WindowRule {
  readonly limit: number
  readonly windowMillis: number
}

/**
 * The earliest time at or after `now` at which one more request may start under every rule, given the times of
 * earlier starts in ascending order (Infinity for one not yet known to have gone out).
 */
export const earliestStart = (starts: ReadonlyArray<number>, rules: ReadonlyArray<WindowRule>, now: number): number => {
  let slot = now
  for (const { limit, windowMillis } of rules) {
    // The limit-th latest start must have left the window for one more to fit.
    const blocking = starts[starts.length - limit]
    if (limit > 0 && blocking !== undefined) slot = Math.max(slot, blocking + windowMillis)
  }
  return slot
}
