/** How a run's peak resident memory was measured, so a report never mixes the two without saying so. */
export type RssMethod = "time -v" | "VmHWM sampled"

export interface TimeVerbose {
  readonly maxRssBytes: number
  readonly userSeconds: number
  readonly systemSeconds: number
}

const field = (text: string, label: string): number | null => {
  const line = text.split("\n").find((l) => l.trim().startsWith(`${label}:`))
  const value = line === undefined ? Number.NaN : Number(line.slice(line.indexOf(":") + 1).trim())
  return Number.isFinite(value) ? value : null
}

/**
 * The figures the benchmark needs from GNU time's `-v` report (`Maximum resident set size (kbytes): 525324`).
 * Null when the report lacks the peak, which happens when the program was killed before it exited.
 */
export const parseTimeVerbose = (text: string): TimeVerbose | null => {
  const maxRssKb = field(text, "Maximum resident set size (kbytes)")
  if (maxRssKb === null) return null
  return {
    maxRssBytes: maxRssKb * 1024,
    userSeconds: field(text, "User time (seconds)") ?? 0,
    systemSeconds: field(text, "System time (seconds)") ?? 0
  }
}

/** The high-water mark of resident memory in a `/proc/<pid>/status` text (`VmHWM:   525324 kB`), in bytes. */
export const parseVmHwm = (status: string): number | null => {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)
  return match?.[1] === undefined ? null : Number(match[1]) * 1024
}
