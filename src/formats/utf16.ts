/** Guessing UTF-16 text without a byte-order mark, shared by the LAS and CSV readers and the library. */

/**
 * UTF-16 without a BOM: mostly-ASCII text has a zero in every other byte of its first 4 KB
 * (odd bytes for little-endian, even bytes for big-endian); null when the bytes do not look so.
 */
export function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}
