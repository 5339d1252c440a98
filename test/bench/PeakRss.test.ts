import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { parseTimeVerbose, parseVmHwm } from "../../bench/PeakRss.ts"

// As GNU time 1.9 printed it for `/usr/bin/time -v node -e "Buffer.alloc(30e6, 1)"`.
const timeReport = `	Command being timed: "node -e Buffer.alloc(30e6, 1)"
	User time (seconds): 0.04
	System time (seconds): 0.03
	Percent of CPU this job got: 100%
	Elapsed (wall clock) time (h:mm:ss or m:ss): 0:00.07
	Average total size (kbytes): 0
	Maximum resident set size (kbytes): 69688
	Average resident set size (kbytes): 0
	Exit status: 0
`

describe("parseTimeVerbose", () => {
  it("reads the peak resident memory in bytes and the CPU seconds", () => {
    expect(parseTimeVerbose(timeReport)).toEqual({ maxRssBytes: 69688 * 1024, userSeconds: 0.04, systemSeconds: 0.03 })
  })

  it("gives null for a report without the peak, as when the program was killed", () => {
    expect(parseTimeVerbose('Command terminated by signal 9\n\tCommand being timed: "node"\n')).toBeNull()
  })
})

describe("parseVmHwm", () => {
  it("reads this process's high-water mark from /proc, at least its current resident size", () => {
    const status = readFileSync("/proc/self/status", "utf8")
    const hwm = parseVmHwm(status)
    expect(hwm).not.toBeNull()
    expect(hwm ?? 0).toBeGreaterThanOrEqual(process.memoryUsage().rss * 0.5)
  })

  it("gives null for a status without VmHWM", () => {
    expect(parseVmHwm("Name:\tnode\nVmRSS:\t  1000 kB\n")).toBeNull()
  })
})
