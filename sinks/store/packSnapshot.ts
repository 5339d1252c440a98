import { Worker } from "node:worker_threads"

/** A snapshot's JSON text as stored: its SHA-256 (hex) and its gzip bytes. */
export interface PackedSnapshot {
  readonly sha256: string
  readonly gzip: Uint8Array
}

const isPacked = (m: unknown): m is PackedSnapshot =>
  typeof m === "object" && m !== null && "sha256" in m && typeof m.sha256 === "string" && "gzip" in m && m.gzip instanceof Uint8Array

/** Text is sent to the worker in pieces of about this many characters… */
const PIECE_CHARS = 1 << 19

/** …and at most this many wait there at a time, so the text in flight stays under a few megabytes. */
const MAX_WAITING = 8

/** How long to wait for the worker to take a piece before deciding it has died. */
const STALL_MS = 60_000

/**
 * The packer's worker and its answer. Made apart from `packSnapshot`: its listeners live until the worker has
 * exited, which is only noticed once the run next waits on the event loop, and a closure made beside the pieces
 * would keep them, and the snapshot they are read from, in memory until then (through matching and planning).
 */
const startPacker = () => {
  const taken = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(new URL("./snapshotPacker.worker.mjs", import.meta.url), { workerData: { taken: taken.buffer } })
  let fail: (error: unknown) => void = () => undefined
  const packed = new Promise<PackedSnapshot>((resolve, reject) => {
    fail = reject
    worker.once("message", (message: unknown) => {
      if (isPacked(message)) resolve(message)
      else reject(new Error("the snapshot packer answered with something other than a hash and gzip bytes"))
      void worker.terminate()
    })
    worker.once("error", reject)
    // Settles nothing once the answer has come; otherwise says the worker died without one.
    worker.once("exit", (code) => reject(new Error(`the snapshot packer stopped (exit code ${code}) before answering`)))
  })
  let sent = 0
  const send = (text: string): void => {
    for (let seen = Atomics.load(taken, 0); sent - seen >= MAX_WAITING; seen = Atomics.load(taken, 0)) {
      if (Atomics.wait(taken, 0, seen, STALL_MS) === "timed-out") throw new Error(`the snapshot packer took no text for ${STALL_MS / 1000} s`)
    }
    worker.postMessage(text)
    sent++
  }
  return {
    packed,
    send,
    end: () => worker.postMessage({ end: true }),
    abort: (error: unknown) => {
      void worker.terminate()
      fail(error)
    }
  }
}

/**
 * Hashes and compresses text given in pieces on a worker thread while this thread produces the pieces: on a
 * 100,000-customer snapshot that is 1.5 s of hashing and gzip taken off the run. The text is never whole in
 * memory on either thread: when the worker falls behind, this thread waits for it.
 */
export const packSnapshot = (pieces: Iterable<string>): Promise<PackedSnapshot> => {
  const packer = startPacker()
  try {
    let batch = ""
    for (const piece of pieces) {
      batch += piece
      if (batch.length >= PIECE_CHARS) {
        packer.send(batch)
        batch = ""
      }
    }
    if (batch !== "") packer.send(batch)
    packer.end()
  } catch (error) {
    packer.abort(error)
  }
  return packer.packed
}
