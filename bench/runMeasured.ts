import { Command, FileSystem } from "@effect/platform"
import type { CommandExecutor } from "@effect/platform/CommandExecutor"
import { Effect, Fiber, Option, Ref, Schedule, Schema, Stream } from "effect"
import { parseTimeVerbose, parseVmHwm, type RssMethod } from "./PeakRss.ts"

export class BenchRunError extends Schema.TaggedError<BenchRunError>()("BenchRunError", {
  command: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.command}: ${this.detail}`
  }
}

/** A finished program with its output, how long it took, and its own peak resident memory. */
export interface MeasuredRun {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  readonly wallSeconds: number
  /** Null when the peak could not be read (the program ended before the first sample). */
  readonly peakRssBytes: number | null
  readonly rssMethod: RssMethod
  /** User + system CPU seconds, when GNU time reported them. */
  readonly cpuSeconds: number | null
}

/** GNU time (Debian package `time`); the shell's `time` keyword cannot report memory. */
export const GNU_TIME = "/usr/bin/time"

/** Short enough to catch a peak that lasts a fraction of a second, long enough to cost the run nothing. */
const samplingInterval = "50 millis"

const text = <E>(stream: Stream.Stream<Uint8Array, E>) => stream.pipe(Stream.decodeText(), Stream.mkString)

/** The run's peak from /proc: VmHWM only grows, so the largest sample is the peak up to the last sample. */
const sampleVmHwm = (pid: number, peak: Ref.Ref<number | null>) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const status = yield* fs.readFileString(`/proc/${pid}/status`).pipe(Effect.option)
    const hwm = Option.flatMap(status, (s) => Option.fromNullable(parseVmHwm(s)))
    if (Option.isSome(hwm)) yield* Ref.update(peak, (p) => Math.max(p ?? 0, hwm.value))
  }).pipe(Effect.repeat(Schedule.spaced(samplingInterval)))

/**
 * Runs a program to the end and measures it from outside, so the figures are the program's own and not this
 * process's. Peak memory comes from GNU time when it is installed (or unless `sampling` is asked for), else from
 * sampling `/proc/<pid>/status`.
 */
export const runMeasured = (
  program: string,
  args: ReadonlyArray<string>,
  options: {
    readonly cwd: string
    readonly timeReport: string
    readonly sampling: boolean
    /** Added to this process's environment for the program. */
    readonly env?: Readonly<Record<string, string>>
  }
): Effect.Effect<MeasuredRun, BenchRunError, CommandExecutor | FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const useTime = !options.sampling && (yield* fs.exists(GNU_TIME).pipe(Effect.orElseSucceed(() => false)))
    const bare = useTime ? Command.make(GNU_TIME, "-v", "-o", options.timeReport, program, ...args) : Command.make(program, ...args)
    const command = options.env === undefined ? bare : Command.env(bare, options.env)
    const peak = yield* Ref.make<number | null>(null)
    const started = performance.now()
    const [exitCode, stdout, stderr] = yield* Effect.scoped(
      Effect.gen(function* () {
        const process = yield* Command.start(Command.workingDirectory(command, options.cwd))
        const sampler = useTime ? null : yield* Effect.fork(sampleVmHwm(process.pid, peak))
        const output = yield* Effect.all([text(process.stdout), text(process.stderr)], { concurrency: 2 }).pipe(Effect.fork)
        const code = yield* process.exitCode
        if (sampler !== null) yield* Fiber.interrupt(sampler)
        const [out, err] = yield* Fiber.join(output)
        return [code, out, err] as const
      })
    )
    const wallSeconds = (performance.now() - started) / 1000
    const report = useTime ? parseTimeVerbose(yield* fs.readFileString(options.timeReport)) : null
    return {
      exitCode,
      stdout,
      stderr,
      wallSeconds,
      peakRssBytes: useTime ? (report?.maxRssBytes ?? null) : yield* Ref.get(peak),
      rssMethod: useTime ? "time -v" : "VmHWM sampled",
      cpuSeconds: report === null ? null : report.userSeconds + report.systemSeconds
    } satisfies MeasuredRun
  }).pipe(Effect.mapError((e) => new BenchRunError({ command: [program, ...args].join(" "), detail: e.message })))
