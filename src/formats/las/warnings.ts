/** Collects warnings with a cap per kind, so a file with a million bad rows stays readable. */
import type { LasWarning } from './types.ts';

/** Warnings of one kind beyond this many are counted, not listed. */
export const WARNINGS_PER_KIND = 20;

/** The line that stands for the warnings of one kind left out. */
function moreLine(n: number, kind: string | null, first: number, last: number): LasWarning {
  const lines = first === last ? `line ${first}` : `lines ${first}-${last}`;
  const what = kind === null ? lines : `${kind}; ${lines}`;
  return { line: first, message: `and ${n} more like this (${what}) not listed` };
}

/** Appends warnings to a shared list; kinds over the cap are summarised by `finish()`. */
export class WarningSink {
  private readonly counts = new Map<string, { n: number; first: number; last: number }>();
  constructor(readonly list: LasWarning[]) {}

  /** Adds a warning of `kind` unless that kind already has `WARNINGS_PER_KIND` entries. */
  add(kind: string, line: number, message: string): void {
    const c = this.counts.get(kind);
    if (!c) this.counts.set(kind, { n: 1, first: line, last: line });
    else if (++c.n > WARNINGS_PER_KIND) {
      if (c.n === WARNINGS_PER_KIND + 1) c.first = line;
      c.last = line;
    }
    if ((c?.n ?? 1) <= WARNINGS_PER_KIND) this.list.push({ line, message });
  }

  /** Adds one line per kind that went over the cap, with the lines of those left out. */
  finish(): void {
    for (const [kind, c] of this.counts)
      if (c.n > WARNINGS_PER_KIND)
        this.list.push(moreLine(c.n - WARNINGS_PER_KIND, kind, c.first, c.last));
    this.counts.clear();
  }
}

/**
 * The kind of a warning pushed without one (header warnings): its message with quoted text,
 * section titles (`~` up to the next `;`) and figures blanked, so `'x1' in ~Well is not a header
 * item` and `'x2' ...` are one kind, and so are `unknown section ~A1` and `~B2`.
 */
function kindOf(message: string): string {
  return message
    .replace(/'[^']*'/g, "''")
    .replace(/~[^;]*/g, '~')
    .replace(/\d+(\.\d+)?/g, '#')
    .slice(0, 200);
}

/**
 * Caps `list[from..]` in place at `WARNINGS_PER_KIND` per kind (kinds found by `kindOf`): a
 * header of 50 000 bad lines gave 50 000 warnings. Each capped kind keeps its first warnings,
 * followed by one line saying how many more there were and on which lines.
 */
export function capWarnings(list: LasWarning[], from = 0): void {
  const groups = new Map<string, { n: number; first: number; last: number; at: number }>();
  const kept: LasWarning[] = [];
  for (let i = from; i < list.length; i++) {
    const w = list[i]!;
    const k = kindOf(w.message);
    const g = groups.get(k);
    if (!g) groups.set(k, { n: 1, first: w.line, last: w.line, at: kept.push(w) });
    else if (++g.n <= WARNINGS_PER_KIND) g.at = kept.push(w);
    else {
      if (g.n === WARNINGS_PER_KIND + 1) g.first = w.line;
      g.last = Math.max(g.last, w.line);
    }
  }
  // Each summary goes right after the last listed warning of its kind (from the end, so the
  // positions of earlier insertions stay right).
  const over = [...groups.values()].filter((g) => g.n > WARNINGS_PER_KIND);
  over.sort((a, b) => b.at - a.at);
  for (const g of over)
    kept.splice(g.at, 0, moreLine(g.n - WARNINGS_PER_KIND, null, g.first, g.last));
  list.length = from;
  for (const w of kept) list.push(w);
}

/** `line 41: message`, the form users see. */
export function formatLasWarning(w: LasWarning): string {
  return `line ${w.line}: ${w.message}`;
}
