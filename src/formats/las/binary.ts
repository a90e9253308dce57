/**
 * Recognises files that are not LAS text before they are scanned: compressed archives and other
 * binary formats (src/formats/binary-magic.ts). Without this, a gzipped or zipped LAS file is
 * "read": its compressed bytes hold, by chance, line breaks followed by `~`, so sections with
 * garbage titles and a table of garbage text were produced instead of an error. Only known formats
 * are refused: zero bytes alone (padding, UTF-16) are the text reader's business.
 */
import { knownBinary, notTextMessage } from '../binary-magic.ts';

/** Why `bytes` cannot be a LAS file, as a message saying what the file is and what to do; null when it may be one. */
export function notLasReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0)
    return 'the file is empty (0 bytes); check that it was copied or downloaded completely';
  const kind = knownBinary(bytes);
  return kind
    ? notTextMessage(kind, {
        format: 'LAS',
        file: 'the .las file',
        otherwise: 'open the LAS file itself, or export the data as LAS or CSV',
      })
    : null;
}
