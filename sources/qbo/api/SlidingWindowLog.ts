/**
 * Pacing by a sliding-window log. The server counts a request when it arrives, somewhere between the moment
 * the client sent it and the moment the answer came back, so the client counts each request until a window
 * has passed since its answer (and an unanswered one as "still arriving"). Whatever the network delays, the
 * server then never sees more than `limit` requests in a window, however it aligns its windows.
 */

export interface WindowRule {
  readonly limit: number
  readonly windowMillis: number
}

/**
 * The earliest time at or after `now` at which one more request fits every rule, given when earlier requests
 * were answered (`Infinity` for those still in flight). `Infinity` when only an answer can make room.
 */
export const earliestSlot = (answeredAt: ReadonlyArray<number>, rules: ReadonlyArray<WindowRule>, now: number): number => {
  let slot = now
  const latestFirst = [...answeredAt].sort((a, b) => b - a)
  for (const { limit, windowMillis } of rules) {
    // The limit-th latest answer must have left the window for one more request to fit.
    const blocking = latestFirst[limit - 1]
    if (blocking !== undefined) slot = Math.max(slot, blocking + windowMillis)
  }
  return slot
}

/** True when an answer at `answeredAt` can no longer count in any window at or after `now`. */
export const forgotten = (answeredAt: number, rules: ReadonlyArray<WindowRule>, now: number): boolean =>
  rules.every((rule) => answeredAt + rule.windowMillis <= now)
