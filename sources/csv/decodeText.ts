import { Either, Option } from "effect"
import { decodeWindows1252 } from "./decodeWindows1252.ts"

/**
 * How a spreadsheet saved the bytes: Excel writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 with a BOM ("Unicode
 * text"), or the Windows code page ("CSV (Comma delimited)", which is Windows-1252 on US and Western European
 * machines). Other tools write plain UTF-8.
 */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252"

export interface DecodedText {
  readonly text: string
  readonly encoding: TextEncodingName
}

const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)

/*
 * A text file without a BOM whose first characters are ASCII shows every other byte as zero when it is UTF-16.
 * NUL never appears in a real CSV, so this cannot misread UTF-8 or Windows-1252 text.
 */
const sniffBomlessUtf16 = (bytes: Uint8Array): "utf-16le" | "utf-16be" | null => {
  if (bytes.length < 4) return null
  if (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return "utf-16le"
  if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return "utf-16be"
  return null
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })

const decodeUtf8 = (bytes: Uint8Array): Option.Option<string> =>
  Either.getRight(Either.try(() => utf8Strict.decode(bytes)))

/** Decodes file bytes to text, choosing the encoding from the BOM, else UTF-8 if valid, else Windows-1252. */
export const decodeText = (bytes: Uint8Array): DecodedText => {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" }
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" }
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" }
  }
  const utf16 = sniffBomlessUtf16(bytes)
  if (utf16 !== null) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }
  return Option.match(decodeUtf8(bytes), {
    onSome: (text): DecodedText => ({ text, encoding: "utf-8" }),
    onNone: (): DecodedText => ({ text: decodeWindows1252(bytes), encoding: "windows-1252" })
  })
}
