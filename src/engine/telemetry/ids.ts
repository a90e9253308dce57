/**
 * Deterministic OpenTelemetry ids derived from a run id, so the same stored run record always
 * exports the same trace (a re-download diffs clean, and a trace can be matched to its record).
 */
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';

/** FNV-1a (32-bit) of `text` seeded with `seed`: small, fast, and the same in every runtime. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche so nearby inputs give unrelated words.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** `chars` lowercase hex digits (a multiple of 8) derived from `text`; never all zeros (invalid in OTLP). */
export function hexId(text: string, chars: number): string {
  let out = '';
  for (let i = 0; i < chars / 8; i++)
    out += fnv1a(text, i * 0x9e3779b9)
      .toString(16)
      .padStart(8, '0');
  return /^0+$/.test(out) ? `${out.slice(0, -1)}1` : out;
}

/** An IdGenerator whose trace id comes from `runId` and whose span ids count up from it. */
export function runIdGenerator(runId: string): IdGenerator {
  let next = 0;
  return {
    generateTraceId: () => hexId(`trace:${runId}`, 32),
    generateSpanId: () => hexId(`span:${runId}:${next++}`, 16),
  };
}
