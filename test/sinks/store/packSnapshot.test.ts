import { createHash } from "node:crypto"
import { gunzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { packSnapshot } from "../../../sinks/store/packSnapshot.ts"

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

describe("packSnapshot", () => {
  it("hashes and gzips text given in pieces as if it were whole, across several gzip members", async () => {
    // About 12 MB in uneven pieces, with text beyond ASCII: several gzip members, and more text than the worker
    // may have waiting at once, so the sender has to wait for it.
    const pieces = Array.from({ length: 12_000 }, (_, i) => `{"id":"${i}","street":"${i} Peña Ct","note":"${"x".repeat(i % 1900)}"},`)
    const text = pieces.join("")
    const packed = await packSnapshot(pieces)
    expect(packed.sha256).toBe(sha256(text))
    expect(gunzipSync(packed.gzip).toString("utf8")).toBe(text)
  })

  it("packs an empty text", async () => {
    const packed = await packSnapshot([])
    expect(packed.sha256).toBe(sha256(""))
    expect(gunzipSync(packed.gzip).toString("utf8")).toBe("")
  })

  it("fails, and does not hang, when producing the pieces fails", async () => {
    function* failing(): Generator<string> {
      yield "{"
      throw new Error("cannot encode this value")
    }
    await expect(packSnapshot(failing())).rejects.toThrow("cannot encode this value")
  })
})
