/**
 * Incoming share links: a link is decoded and validated against the real operator registry before
 * anything else happens; the user then sees what it contains and either saves it as a new
 * pipeline (a fresh id, so nothing stored is overwritten) or discards it. A refused link never
 * touches storage.
 */
import type { StateCreator } from 'zustand/vanilla';
import { decodeSharedPipeline } from '../formats/sharelink.ts';
import { petroflowError, type PetroflowError } from '../model/errors.ts';
import type { PipelineId } from '../model/ids.ts';
import type { Pipeline } from '../model/pipeline.ts';
import { err, ok, type Result } from '../model/result.ts';
import type { AppState, StoreDeps } from './types.ts';

/** The share link being looked at, from decoding to the user's choice. */
export type IncomingLink =
  | { readonly kind: 'checking' }
  | { readonly kind: 'refused'; readonly errors: readonly PetroflowError[] }
  | { readonly kind: 'ready'; readonly pipeline: Pipeline };

/** Opening share links. */
export interface ShareSlice {
  readonly incoming: IncomingLink | undefined;
  /** Decodes and validates a link (a URL, a `#pipeline=` fragment or a bare payload). */
  receiveLink(url: string): Promise<void>;
  /** Saves the validated pipeline of the link as a new pipeline and opens it; returns its id. */
  acceptLink(): Promise<Result<PipelineId, string>>;
  /** Discards the link (nothing is saved). */
  dismissLink(): void;
}

function unexpected(e: unknown): PetroflowError {
  const detail = e instanceof Error ? e.message : String(e);
  return petroflowError(
    'LINK_INVALID',
    `This share link could not be read (${detail}). Ask the sender for the pipeline file instead.`,
  );
}

/** Creates the share slice. */
export function shareSlice(deps: StoreDeps): StateCreator<AppState, [], [], ShareSlice> {
  return (set, get) => {
    // A newer link replaces an older one still being decoded (the older result is dropped).
    let ticket = 0;
    return {
      incoming: undefined,

      async receiveLink(url) {
        const mine = ++ticket;
        set({ incoming: { kind: 'checking' } });
        let incoming: IncomingLink;
        try {
          const r = await decodeSharedPipeline(url, deps.registry);
          incoming = r.ok
            ? { kind: 'ready', pipeline: r.value }
            : { kind: 'refused', errors: r.error };
        } catch (e) {
          incoming = { kind: 'refused', errors: [unexpected(e)] };
        }
        if (mine === ticket) set({ incoming });
      },

      async acceptLink() {
        const incoming = get().incoming;
        if (incoming?.kind !== 'ready') return err('There is no valid shared pipeline to open.');
        if (!get().ready)
          return err('Petroflow is still loading your work; try again in a moment.');
        try {
          // importPipeline gives the pipeline a fresh id before it is stored.
          await get().importPipeline(incoming.pipeline);
        } catch (e) {
          return err(
            `The shared pipeline could not be saved: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        ticket++;
        set({ incoming: undefined });
        return ok(get().pipelineId);
      },

      dismissLink() {
        ticket++;
        set({ incoming: undefined });
      },
    };
  };
}
