/**
 * Property tests of share-link decoding: any text, random bytes as payload, truncated or garbled
 * base64url, corrupt or trailing-junk deflate streams. Decoding answers with a Result whose errors
 * carry codes: never an exception, never a hang (each case races a timer), and a pipeline inside a
 * link never touches Object.prototype.
 */
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { PetroflowError } from '../model/errors.ts';
import type { Result } from '../model/result.ts';
import { samplePipeline, testCatalogue } from '../model/test-catalogue.ts';
import { toBase64Url } from './sharelink-base64url.ts';
import { decodeShareLink, decodeSharedPipeline, encodeShareLink } from './sharelink.ts';

const LINK_CODES = new Set(['LINK_INVALID', 'LINK_TOO_LARGE']);
const PIPELINE_CODES = new Set([
  ...LINK_CODES,
  'PIPELINE_INVALID',
  'PIPELINE_FORMAT_TOO_NEW',
  'PIPELINE_CYCLE',
  'UNKNOWN_OPERATOR',
  'UNKNOWN_VERSION',
  'BAD_PARAMS',
  'BAD_EDGE',
]);
/** Milliseconds one case may take on a loaded 2-core machine before it counts as a hang. */
const CASE_MS = 3000;
const base = 'http://127.0.0.1:4173/';
const json = JSON.stringify(samplePipeline());
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Awaits `p`, failing if it takes longer than CASE_MS (a hang) or rejects (an exception). */
async function timed<T>(p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CASE_MS} ms`)), CASE_MS);
  });
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

function expectCoded(errors: readonly PetroflowError[], codes: ReadonlySet<string>): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(codes.has(e.code), `unexpected code ${e.code}`).toBe(true);
    expect(e.message.length).toBeGreaterThan(0);
  }
}

async function decodeText(link: string): Promise<Result<string, PetroflowError>> {
  const r = await timed(decodeShareLink(link));
  if (!r.ok) expectCoded([r.error], LINK_CODES);
  return r;
}

async function decodePipeline(link: string): Promise<void> {
  const r = await timed(decodeSharedPipeline(link, testCatalogue));
  if (!r.ok) expectCoded(r.error, PIPELINE_CODES);
  expectPrototypeIntact();
}

const linkOf = (bytes: Uint8Array): string => `${base}#pipeline=${toBase64Url(bytes)}`;
const deflated = (bytes: Uint8Array): Uint8Array => new Uint8Array(deflateSync(bytes));
const b64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('share-link fuzzing', () => {
  afterEach(expectPrototypeIntact);

  it('answers any text given as a link, fragment or payload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: fc.constantFrom(...b64chars.split('')), maxLength: 200 }),
          fc.string().map((s) => `${base}#pipeline=${s}`),
          fc.string().map((s) => `#x=1&pipeline=${s}&y`),
        ),
        async (text) => {
          await decodeText(text);
          await decodePipeline(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers random bytes as payload, raw or as a valid deflate stream', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await decodeText(linkOf(bytes));
        const r = await decodeText(linkOf(deflated(bytes)));
        let utf8: string | undefined;
        try {
          utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          utf8 = undefined;
        }
        // A sound stream decodes to its content exactly when that content is valid UTF-8.
        expect(r).toEqual(
          utf8 === undefined
            ? { ok: false, error: expect.objectContaining({ code: 'LINK_INVALID' }) as unknown }
            : { ok: true, value: utf8 },
        );
        await decodePipeline(linkOf(deflated(bytes)));
      }),
      { numRuns: 200 },
    );
  });

  it('answers truncated and garbled payloads of a real link', async () => {
    const link = await encodeShareLink(json, base);
    const payload = link.slice(link.indexOf('=') + 1);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: payload.length }),
        fc.array(
          fc.tuple(fc.nat({ max: payload.length - 1 }), fc.constantFrom(...b64chars.split(''))),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        async (cut, flips) => {
          await decodePipeline(`${base}#pipeline=${payload.slice(0, cut)}`);
          const chars = payload.split('');
          for (const [at, c] of flips) chars[at] = c;
          await decodePipeline(`${base}#pipeline=${chars.join('')}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers corrupt deflate: a zlib header with random data, or junk after a sound stream', async () => {
    const sound = deflated(new TextEncoder().encode(json));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 500 }), async (junk) => {
        await decodePipeline(linkOf(new Uint8Array([0x78, 0x9c, ...junk])));
        await decodePipeline(linkOf(new Uint8Array([...sound, ...junk])));
        await decodePipeline(linkOf(new Uint8Array([...sound.slice(0, -4), ...junk])));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips any text through encode and decode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        expect(await decodeText(await encodeShareLink(text, base))).toEqual({
          ok: true,
          value: text,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses dangerous keys inside a linked pipeline without polluting anything', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('__proto__', 'constructor', 'prototype', '__pro\\u0074o__'),
        fc.jsonValue({ maxDepth: 2 }),
        async (key, value) => {
          const text = json.replace(
            '"grMin":20',
            `"${key}":{"polluted":${JSON.stringify(value)}},"grMin":20`,
          );
          const r = await timed(
            decodeSharedPipeline(await encodeShareLink(text, base), testCatalogue),
          );
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error[0]?.message).toMatch(/is not allowed/);
          expectPrototypeIntact();
        },
      ),
      { numRuns: 100 },
    );
  });
});
