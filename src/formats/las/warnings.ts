/** Collects warnings with a cap per kind, so a file with a million bad rows stays readable. */
import type { LasWarning } from './types.ts';

/** Warnings of one kind beyond this many are counted, not listed. */
export const WARNINGS_PER_KIND = 20;

/** Appends warnings to a shared list; kinds over the cap are summarised by `finish()`. */
export class WarningSink {
  private readonly counts = new Map<string, { n: number; first: number }>();
  constructor(readonly list: LasWarning[]) {}

  /** Adds a warning of `kind` unless that kind already has `WARNINGS_PER_KIND` entries. */
  add(kind: string, line: number, message: string): void {
    const c = this.counts.get(kind);
    if (!c) this.counts.set(kind, { n: 1, first: line });
    else c.n++;
    if ((c?.n ?? 1) <= WARNINGS_PER_KIND) this.list.push({ line, message });
  }

  /** Adds one line per kind that went over the cap. */
  finish(): void {
    for (const [kind, c] of this.counts) {
      if (c.n > WARNINGS_PER_KIND)
        this.list.push({
          line: c.first,
          message: `${c.n - WARNINGS_PER_KIND} more warnings like the above (${kind}) not listed`,
        });
    }
    this.counts.clear();
  }
}

/** `line 41: message`, the form users see. */
export function formatLasWarning(w: LasWarning): string {
  return `line ${w.line}: ${w.message}`;
}
