// Hashes and gzips a snapshot's JSON text, sent piece by piece, on its own thread: the main thread goes on
// encoding the next pieces meanwhile. Plain JavaScript with Node's own modules only, so that it loads as it is
// under every runner (a worker does not inherit the TypeScript loader of the thread that starts it).
import { createHash } from "node:crypto"
import { parentPort } from "node:worker_threads"
import { gzipSync } from "node:zlib"

// Each megabyte of text is its own gzip member; gunzip reads the members back as one stream.
const MEMBER_CHARS = 1 << 20

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
    return
  }
  compress()
  // Even an empty text is a gzip stream, so that reading it back never meets zero bytes.
  if (members.length === 0) members.push(gzipSync("", { level: 1 }))
  parentPort.postMessage({ sha256: hash.digest("hex"), gzip: Buffer.concat(members) })
})
