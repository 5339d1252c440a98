/*
 * Node 20's TextDecoder("windows-1252") decodes 0x80-0x9F as Latin-1 control characters, so Excel's curly
 * quotes, dashes and the euro sign would be lost. This table is the WHATWG Windows-1252 mapping for that range;
 * every other byte is the code point of the same value.
 */
const HIGH: ReadonlyArray<number> = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178
]

const CHUNK = 8192

export const decodeWindows1252 = (bytes: Uint8Array): string => {
  const parts: Array<string> = []
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] ?? b) : b
    )
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join("")
}
