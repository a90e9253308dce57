/**
 * Share links (spec/pipeline-format.md section 3): `<app URL>#pipeline=<payload>`, payload =
 * base64url (no padding) of the zlib deflate stream of the UTF-8 pipeline JSON. Decoding refuses
 * oversized payloads, caps decompression while it runs, and rejects invalid UTF-8; the JSON is then
 * validated like any pipeline file.
 */
import type { OperatorCatalogue } from '../model/catalogue.ts';
import type { PetroflowError } from '../model/errors.ts';
import { petroflowError } from '../model/errors.ts';
import { parsePipelineText } from '../model/parse.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { Result } from '../model/result.ts';
import { err, ok } from '../model/result.ts';
import { fromBase64Url, toBase64Url } from './sharelink-base64url.ts';
import { deflateBytes, inflateCapped } from './sharelink-inflate.ts';

/** Largest payload accepted, in characters (64 KiB). */
export const MAX_LINK_PAYLOAD = 64 * 1024;

/** Largest decompressed pipeline JSON, in bytes (2 MiB). */
export const MAX_LINK_JSON_BYTES = 2 * 1024 * 1024;

const KEY = 'pipeline=';
const exportHint = 'export the pipeline as a file (Export) and send the file instead';

/** Builds the link `<baseUrl>#pipeline=<payload>` (any fragment of `baseUrl` is replaced). */
export async function encodeShareLink(pipelineJson: string, baseUrl: string): Promise<string> {
  const payload = toBase64Url(await deflateBytes(new TextEncoder().encode(pipelineJson)));
  const hash = baseUrl.indexOf('#');
  return `${hash === -1 ? baseUrl : baseUrl.slice(0, hash)}#${KEY}${payload}`;
}

/** Like `encodeShareLink`, but refuses a link whose payload is over the 64 KiB limit. */
export async function makeShareLink(
  pipelineJson: string,
  baseUrl: string,
): Promise<Result<string, PetroflowError>> {
  const link = await encodeShareLink(pipelineJson, baseUrl);
  const size = link.length - link.indexOf(`#${KEY}`) - KEY.length - 1;
  if (size > MAX_LINK_PAYLOAD) return err(tooLarge(size));
  return ok(link);
}

function tooLarge(size: number): PetroflowError {
  const kib = Math.ceil(size / 1024);
  return petroflowError(
    'LINK_TOO_LARGE',
    `The pipeline is too large for a link (${kib} KiB compressed; links hold up to 64 KiB): ${exportHint}.`,
  );
}

function invalid(what: string): PetroflowError {
  return petroflowError(
    'LINK_INVALID',
    `This share link is damaged: ${what}. Ask the sender for the link again or for the pipeline file.`,
  );
}

/** The payload of a link, a `#pipeline=...` fragment, or a bare payload. */
function extractPayload(input: string): Result<string, PetroflowError> {
  const text = input.trim();
  const hash = text.indexOf('#');
  if (hash === -1 && !/^[a-z][a-z0-9+.-]*:/i.test(text))
    return ok(text.startsWith(KEY) ? text.slice(KEY.length) : text);
  if (hash === -1) return err(invalid('it has no #pipeline= part'));
  const param = text
    .slice(hash + 1)
    .split('&')
    .find((p) => p.startsWith(KEY));
  return param === undefined
    ? err(invalid('it has no #pipeline= part'))
    : ok(param.slice(KEY.length));
}

/** The pipeline JSON text inside a share link (not yet validated: see `decodeSharedPipeline`). */
export async function decodeShareLink(
  urlOrFragmentOrPayload: string,
): Promise<Result<string, PetroflowError>> {
  const payload = extractPayload(urlOrFragmentOrPayload);
  if (!payload.ok) return payload;
  if (payload.value.length > MAX_LINK_PAYLOAD) return err(tooLarge(payload.value.length));
  if (payload.value.length === 0) return err(invalid('the #pipeline= part is empty'));
  const bytes = fromBase64Url(payload.value);
  if (!bytes.ok) return err(invalid(`the payload is not base64url: ${bytes.error}`));
  const inflated = await inflateCapped(bytes.value, MAX_LINK_JSON_BYTES);
  if (!inflated.ok) {
    if (inflated.error.kind === 'too-large') {
      return err(
        petroflowError(
          'LINK_TOO_LARGE',
          `This link unpacks to more than 2 MiB, more than any pipeline needs; it was not opened. ${exportHint[0]?.toUpperCase()}${exportHint.slice(1)}.`,
        ),
      );
    }
    return err(invalid(`the compressed data is corrupt (${inflated.error.detail})`));
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(inflated.value));
  } catch {
    return err(invalid('the pipeline text is not valid UTF-8'));
  }
}

/** Decodes a share link and validates the pipeline inside it, reporting every problem. */
export async function decodeSharedPipeline(
  url: string,
  catalogue: OperatorCatalogue,
): Promise<Result<Pipeline, PetroflowError[]>> {
  const text = await decodeShareLink(url);
  if (!text.ok) return err([text.error]);
  return parsePipelineText(text.value, catalogue);
}
