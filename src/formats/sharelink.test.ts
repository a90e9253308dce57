import { createDeflate, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { samplePipeline, testCatalogue } from '../model/test-catalogue.ts';
import { toBase64Url } from './sharelink-base64url.ts';
import { inflateCapped } from './sharelink-inflate.ts';
import {
  decodeShareLink,
  decodeSharedPipeline,
  encodeShareLink,
  makeShareLink,
  MAX_LINK_PAYLOAD,
} from './sharelink.ts';

const json = JSON.stringify(samplePipeline(), null, 2);
const base = 'http://127.0.0.1:4173/';

function payloadOf(link: string): string {
  return link.slice(link.indexOf('#pipeline=') + '#pipeline='.length);
}

/** A zlib stream of `mib` MiB of zeros, made in 1 MiB steps so the test never holds it inflated. */
async function zeroBomb(mib: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const d = createDeflate({ level: 9 });
  d.on('data', (c: Buffer) => chunks.push(c));
  const zero = Buffer.alloc(1 << 20);
  for (let i = 0; i < mib; i++) d.write(zero);
  await new Promise<void>((resolve) => d.end(() => resolve()));
  return new Uint8Array(Buffer.concat(chunks));
}

describe('share links', () => {
  it('encode to <base>#pipeline=<base64url deflate> and decode back', async () => {
    const link = await encodeShareLink(json, `${base}#old`);
    expect(link.startsWith(`${base}#pipeline=`)).toBe(true);
    expect(payloadOf(link)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShareLink(link)).toEqual({ ok: true, value: json });
    expect(await decodeShareLink(`#pipeline=${payloadOf(link)}`)).toEqual({
      ok: true,
      value: json,
    });
    expect(await decodeShareLink(payloadOf(link))).toEqual({ ok: true, value: json });
    expect(await decodeShareLink(`${base}#x=1&pipeline=${payloadOf(link)}`)).toEqual({
      ok: true,
      value: json,
    });
  });

  it('interoperate with zlib: Node deflateSync output decodes, our output inflates', async () => {
    const theirs = toBase64Url(new Uint8Array(deflateSync(Buffer.from(json, 'utf8'))));
    expect(await decodeShareLink(`${base}#pipeline=${theirs}`)).toEqual({ ok: true, value: json });
    const ours = Buffer.from(payloadOf(await encodeShareLink(json, base)), 'base64url');
    expect(inflateSync(ours).toString('utf8')).toBe(json);
    const unicode = '{"name":"Ünïcødé 🛢️ puits"}';
    expect(
      inflateSync(
        Buffer.from(payloadOf(await encodeShareLink(unicode, base)), 'base64url'),
      ).toString(),
    ).toBe(unicode);
  });

  it('base64url matches Node for every length modulo 3', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 97 + n * 13) & 255);
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });

  it('validate the pipeline inside (decodeSharedPipeline)', async () => {
    const r = await decodeSharedPipeline(await encodeShareLink(json, base), testCatalogue);
    expect(r.ok && r.value.nodes.map((n) => n.id)).toEqual(['logs', 'vsh']);
    const bad = json.replace('"grMax": 120', '"grMax": -1');
    const e = await decodeSharedPipeline(await encodeShareLink(bad, base), testCatalogue);
    expect(!e.ok && e.error[0]).toMatchObject({
      code: 'BAD_PARAMS',
      nodeId: 'vsh',
      field: 'params.grMax',
    });
  });

  it('refuse a payload over 64 KiB, offering file export', async () => {
    const r = await decodeShareLink(`${base}#pipeline=${'A'.repeat(MAX_LINK_PAYLOAD + 1)}`);
    expect(!r.ok && r.error.code).toBe('LINK_TOO_LARGE');
    expect(!r.ok && r.error.message).toContain('export the pipeline as a file');
    const random = toBase64Url(crypto.getRandomValues(new Uint8Array(60_000)));
    const made = await makeShareLink(JSON.stringify({ blob: random }), base);
    expect(!made.ok && made.error.code).toBe('LINK_TOO_LARGE');
    expect((await makeShareLink(json, base)).ok).toBe(true);
  });

  it('refuse invalid base64url, corrupt deflate, invalid UTF-8 and links without a payload', async () => {
    const cases: [string, string][] = [
      [`${base}#pipeline=abc$def`, 'character "$" at position 4 is not base64url'],
      [`${base}#pipeline=abcde`, 'impossible for base64url'],
      [
        `${base}#pipeline=${toBase64Url(new Uint8Array([1, 2, 3, 4, 5, 6]))}`,
        'compressed data is corrupt',
      ],
      [
        `${base}#pipeline=${payloadOf(await encodeShareLink(json, base)).slice(0, -8)}`,
        'compressed data is corrupt',
      ],
      [
        `${base}#pipeline=${toBase64Url(new Uint8Array(deflateSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))))}`,
        'not valid UTF-8',
      ],
      [`${base}#other=1`, 'no #pipeline= part'],
      [base, 'no #pipeline= part'],
      [`${base}#pipeline=`, 'empty'],
    ];
    for (const [link, gist] of cases) {
      const r = await decodeShareLink(link);
      expect(r.ok, link).toBe(false);
      expect(!r.ok && r.error.code).toBe('LINK_INVALID');
      expect(!r.ok && r.error.message).toContain(gist);
    }
  });

  it('stop a 200 MiB deflate bomb at the 2 MiB cap, well under a second', async () => {
    const bomb = await zeroBomb(200);
    const t0 = performance.now();
    const r = await inflateCapped(bomb, 2 * 1024 * 1024);
    const ms = performance.now() - t0;
    expect(r).toEqual({ ok: false, error: { kind: 'too-large' } });
    expect(ms).toBeLessThan(500);
  });

  it('refuse a bomb that fits in a link (40 MiB of zeros) with LINK_TOO_LARGE, quickly', async () => {
    const payload = toBase64Url(await zeroBomb(40));
    expect(payload.length).toBeLessThan(MAX_LINK_PAYLOAD);
    const t0 = performance.now();
    const r = await decodeShareLink(`${base}#pipeline=${payload}`);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(!r.ok && r.error.code).toBe('LINK_TOO_LARGE');
    expect(!r.ok && r.error.message).toContain('more than 2 MiB');
  });
});
