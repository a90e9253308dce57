/**
 * Hex SHA-256, the one hash of the app: file identity (library, fingerprints, run records) and node
 * fingerprints. Web Crypto, so the same in browsers, Web Workers and Node 20.
 */

/** Lower-case hex SHA-256 of UTF-8 text or bytes. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}
