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

/** Warnings of one kind so far: how many, the lines of those left out, where the summary goes. */
interface KindCount {
  n: number;
  first: number;
  last: number;
  /** Index in the list right after the last warning of this kind listed. */
  at: number;
}

/**
 * Appends warnings to a shared list, at most `WARNINGS_PER_KIND` per kind; `finish()` puts one
 * line per kind over the cap right after the last one listed. The one capping mechanism of the
 * reader: data warnings come with their kind (named in the summary, `bad number; lines 75-162`),
 * header warnings get theirs from `capWarnings` (not named: it is a blanked message).
 */
export class WarningSink {
  private readonly counts = new Map<string, KindCount>();
  constructor(
    readonly list: LasWarning[],
    private readonly nameKinds = true,
  ) {}

  /** Adds a warning of `kind` unless that kind already has `WARNINGS_PER_KIND` entries. */
  add(kind: string, line: number, message: string): void {
    const c = this.counts.get(kind);
    if (!c) this.counts.set(kind, { n: 1, first: line, last: line, at: this.push(line, message) });
    else if (++c.n <= WARNINGS_PER_KIND) c.at = this.push(line, message);
    else if (c.n === WARNINGS_PER_KIND + 1) c.first = c.last = line;
    else {
      c.first = Math.min(c.first, line);
      c.last = Math.max(c.last, line);
    }
  }

  private push(line: number, message: string): number {
    return this.list.push({ line, message });
  }

  /** Adds one line per kind that went over the cap, with the lines of those left out. */
  finish(): void {
    // From the end of the list, so the positions of earlier insertions stay right.
    const over = [...this.counts].filter(([, c]) => c.n > WARNINGS_PER_KIND);
    over.sort((a, b) => b[1].at - a[1].at);
    for (const [kind, c] of over) {
      const more = moreLine(c.n - WARNINGS_PER_KIND, this.nameKinds ? kind : null, c.first, c.last);
      this.list.splice(c.at, 0, more);
    }
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
 * Caps `list[from..]` in place at `WARNINGS_PER_KIND` per kind (kinds found by `kindOf`), through a
 * `WarningSink`: a header of 50 000 bad lines gave 50 000 warnings.
 */
export function capWarnings(list: LasWarning[], from = 0): void {
  const pushed = list.splice(from);
  const sink = new WarningSink(list, false);
  for (const w of pushed) sink.add(kindOf(w.message), w.line, w.message);
  sink.finish();
}

/** `line 41: message`, the form users see. */
export function formatLasWarning(w: LasWarning): string {
  return `line ${w.line}: ${w.message}`;
}
