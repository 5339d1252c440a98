// Hashes and gzips a snapshot's JSON text, sent piece by piece, on its own thread: the main thread goes on
// encoding the next pieces meanwhile. Plain JavaScript with Node's own modules only, so that it loads as it is
// under every runner (a worker does not inherit the TypeScript loader of the thread that starts it).
import { createHash } from "node:crypto"
import { parentPort, workerData } from "node:worker_threads"
import { gzipSync } from "node:zlib"

// Each megabyte of text is its own gzip member; gunzip reads the members as one stream.
const MEMBER_CHARS = 1 << 20

// Slot 0 counts the pieces taken in, so that the sender can hold back when too many are waiting.
const taken = new Int32Array(workerData.taken)
const hash = createHash("sha256")
const members = []
let pending = ""

const compress = () => {
  // Level 1: the snapshot is large and written every run; speed matters more than the last few percent.
  if (pending !== "") members.push(gzipSync(pending, { level: 1 }))
  pending = ""
}

parentPort.on("message", (message) => {
  if (typeof message === "string") {
    hash.update(message)
    pending += message
    if (pending.length >= MEMBER_CHARS) compress()
    Atomics.add(taken, 0, 1)
    Atomics.notify(taken, 0)
    return
  }
  compress()
  // Even an empty text is a gzip stream, so that reading it back never meets zero bytes.
  if (members.length === 0) members.push(gzipSync("", { level: 1 }))
  // Into a buffer of its own, handed over rather than copied.
  const gzip = new Uint8Array(members.reduce((sum, m) => sum + m.length, 0))
  let at = 0
  for (const m of members) {
    gzip.set(m, at)
    at += m.length
  }
  parentPort.postMessage({ sha256: hash.digest("hex"), gzip }, [gzip.buffer])
})
