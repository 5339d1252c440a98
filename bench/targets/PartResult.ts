/*
 * What one measured part gave, as data: printed as the table's rows and written as the JSON file as is. A figure
 * carries its target so the verdict is computed in one place; the benchmark states it and never fails on it.
 */

export type Unit = "seconds" | "bytes" | "share" | "count"

/** At most or at least `limit`, in the figure's unit. */
export interface Target {
  readonly bound: "at most" | "at least"
  readonly limit: number
}

export interface Figure {
  readonly name: string
  /** Null when the part ran but could not give this figure (GNU time missing, a run killed). */
  readonly value: number | null
  readonly unit: Unit
  readonly target: Target | null
  /** What the bare number leaves out, e.g. which cases were missed. */
  readonly detail: string | null
}

export interface PartResult {
  readonly id: string
  readonly label: string
  /** One-minute load averages when the part started and when it ended: other work on the machine slows every figure. */
  readonly loadBefore: number
  readonly loadAfter: number
  readonly figures: ReadonlyArray<Figure>
  /** Why the part gave no figures, e.g. the run's last error output; null when it ran to the end. */
  readonly failure: string | null
}

export type Verdict = "within" | "OVER" | "no target" | "not measured"

export const verdictOf = (figure: Figure): Verdict => {
  if (figure.value === null) return "not measured"
  if (figure.target === null) return "no target"
  const { bound, limit } = figure.target
  return (bound === "at most" ? figure.value <= limit : figure.value >= limit) ? "within" : "OVER"
}
