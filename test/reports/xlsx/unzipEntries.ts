import { inflateRawSync } from "node:zlib"

/** The files of a zip archive by name, as text: enough to compare two workbooks part by part. */
export const unzipEntries = (zip: Uint8Array): ReadonlyMap<string, string> => {
  const bytes = Buffer.from(zip)
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const files = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10)
    const size = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength)
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const data = bytes.subarray(dataAt, dataAt + size)
    // Folders are entries of their own in some writers: they hold nothing to compare.
    if (!name.endsWith("/")) files.set(name, (method === 0 ? data : inflateRawSync(data)).toString("utf8"))
    at += 46 + nameLength + extraLength + commentLength
  }
  return files
}
