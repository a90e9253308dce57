/**
 * Making a share link for the pipeline being edited (spec/pipeline-format.md section 3), and the
 * small URL helpers the editor needs to notice incoming links and take them out of the address bar.
 */
import { makeShareLink } from '../formats/sharelink.ts';
import type { Pipeline } from '../model/pipeline.ts';
import { serializePipeline } from '../model/serialize.ts';

/**
 * Longest link drawn as a QR code. Byte-mode QR codes hold at most 2,953 bytes (version 40, level
 * L); beyond about 2 KB the modules get too small for a phone to read from a screen.
 */
export const SHARE_QR_MAX_CHARS = 2048;

/** What the Share dialog shows. */
export type ShareOutcome =
  | {
      readonly kind: 'link';
      readonly link: string;
      /** Why there is no QR code (the link is too long for one), or undefined when there is one. */
      readonly noQrReason: string | undefined;
    }
  | { readonly kind: 'too-large'; readonly message: string };

/** The app's own address without its fragment: the base of every link it makes. */
export function shareBaseUrl(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** Builds the share link of `pipeline` on `baseUrl`, or says why it cannot be a link. */
export async function prepareShare(pipeline: Pipeline, baseUrl: string): Promise<ShareOutcome> {
  // The stable key order of serializePipeline without its indentation (as `petroflow link` does).
  const compact = JSON.stringify(JSON.parse(serializePipeline(pipeline)));
  const made = await makeShareLink(compact, shareBaseUrl(baseUrl));
  if (!made.ok) return { kind: 'too-large', message: made.error.message };
  const link = made.value;
  const noQrReason =
    link.length > SHARE_QR_MAX_CHARS
      ? `No QR code: this link is ${link.length.toLocaleString('en-US')} characters, and a QR code a phone can read holds about ${SHARE_QR_MAX_CHARS.toLocaleString('en-US')}. Copy the link instead.`
      : undefined;
  return { kind: 'link', link, noQrReason };
}

/** True when a URL fragment (`location.hash`) carries a share link (`#pipeline=...`). */
export function hasShareFragment(hash: string): boolean {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.split('&').some((part) => part.startsWith('pipeline='));
}
