/**
 * windows-1252 decoding by table, for the LAS and CSV readers: Node's TextDecoder('windows-1252')
 * decodes 0x80-0x9F as latin-1 C1 controls (so `0x80` would not become `€`), unlike browsers; one
 * table gives the same text in both.
 */

/** cp1252 code points of bytes 0x80-0x9F (0 where undefined: the byte is kept). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** The text of windows-1252 bytes `b` (in 8 KB pieces, so long files do not overflow the stack). */
export function decodeCp1252(b: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < b.length; start += 8192) {
    const codes = Array.from(b.subarray(start, start + 8192), (c) =>
      c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80] || c : c,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
