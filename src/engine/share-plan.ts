/**
 * Planning a shared emit (shared-chunks.ts): which groups of an earlier batch an output batch can
 * stand on. An expression's output must hold the same rows and, but for its own columns, the very
 * same column data and fields; a filter's output must be rows of the same batch with its schema.
 * Anything else (or a group the host may no longer keep) is encoded in full.
 */
import type { Field, RecordBatch, Schema } from 'apache-arrow';
import type { IpcChunk } from './ipc.ts';
import { SHARE_WINDOW, columnsPart, rowsPart } from './shared-chunks.ts';

/** How an output batch derives from a batch emitted earlier in the segment. */
export type Derivation =
  | { readonly from: RecordBatch; readonly columns: readonly string[] }
  | { readonly from: RecordBatch; readonly runs: readonly (readonly [number, number])[] };

/** One chunk group the host was given: `rows` rows of a batch from row `start`. */
export interface Group {
  readonly node: string;
  readonly index: number;
  readonly start: number;
  readonly rows: number;
  readonly bytes: number;
}

/** The groups of the batches a segment emitted, and each node's group count. */
export class Groups {
  private readonly byBatch = new WeakMap<RecordBatch, readonly Group[]>();
  private readonly count = new Map<string, number>();

  /** The next group index of `node`. */
  take(node: string): number {
    const n = this.count.get(node) ?? 0;
    this.count.set(node, n + 1);
    return n;
  }

  register(batch: RecordBatch, groups: readonly Group[]): void {
    this.byBatch.set(batch, groups);
  }

  /** The groups of `batch` while the host still keeps them all. */
  of(batch: RecordBatch): readonly Group[] | undefined {
    const groups = this.byBatch.get(batch);
    if (!groups) return undefined;
    // A margin below the host's window: the groups of this emit come after them.
    const kept = groups.every((g) => g.index >= (this.count.get(g.node) ?? 0) - SHARE_WINDOW + 1);
    return kept ? groups : undefined;
  }
}

/** One group of the output: an earlier group plus parts. */
export interface Piece {
  readonly from: Group;
  readonly parts: IpcChunk[];
  readonly start: number;
  readonly rows: number;
}

function equalFields(fa: Field, fb: Field): boolean {
  return (
    fa === fb ||
    (fa.name === fb.name &&
      fa.nullable === fb.nullable &&
      String(fa.type) === String(fb.type) &&
      JSON.stringify([...fa.metadata]) === JSON.stringify([...fb.metadata]))
  );
}

/** Same fields (names, types, nullability, metadata) and schema metadata. */
function sameSchema(a: Schema, b: Schema): boolean {
  if (a === b) return true;
  if (a.fields.length !== b.fields.length) return false;
  if (!a.fields.every((f, i) => equalFields(f, b.fields[i]!))) return false;
  return JSON.stringify([...a.metadata]) === JSON.stringify([...b.metadata]);
}

function sameField(a: RecordBatch, i: number, b: RecordBatch, j: number): boolean {
  return (
    a.data.children[i] === b.data.children[j] &&
    equalFields(a.schema.fields[i]!, b.schema.fields[j]!)
  );
}

function columnsPlan(
  batch: RecordBatch,
  from: RecordBatch,
  columns: readonly string[],
  groups: readonly Group[],
): Piece[] | undefined {
  if (batch.numRows !== from.numRows) return undefined;
  const names = batch.schema.fields.map((f) => f.name);
  if (new Set(names).size !== names.length || !columns.every((c) => names.includes(c)))
    return undefined;
  const fromNames = from.schema.fields.map((f) => f.name);
  for (const [i, name] of names.entries()) {
    if (columns.includes(name)) continue;
    const j = fromNames.indexOf(name);
    if (j < 0 || fromNames.lastIndexOf(name) !== j || !sameField(batch, i, from, j))
      return undefined;
  }
  return groups.map((g) => ({
    from: g,
    parts: [columnsPart(batch.slice(g.start, g.start + g.rows), columns, batch.schema)],
    start: g.start,
    rows: g.rows,
  }));
}

function rowsPlan(
  batch: RecordBatch,
  from: RecordBatch,
  runs: readonly (readonly [number, number])[],
  groups: readonly Group[],
): Piece[] | undefined {
  if (!sameSchema(batch.schema, from.schema)) return undefined;
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of runs) {
    for (const g of groups) {
      const a = Math.max(s, g.start);
      const b = Math.min(e, g.start + g.rows);
      if (a >= b) continue;
      const whole = a === g.start && b === g.start + g.rows;
      pieces.push({
        from: g,
        parts: whole ? [] : [rowsPart(a - g.start, b - a)],
        start: at + a - s,
        rows: b - a,
      });
    }
    at += e - s;
  }
  return at === batch.numRows && pieces.length > 0 ? pieces : undefined;
}

/** The pieces of a shared emit of `batch`, or undefined to encode it in full. */
export function sharePlan(
  batch: RecordBatch,
  derived: Derivation,
  groups: Groups,
): Piece[] | undefined {
  if (batch.numRows === 0) return undefined;
  const known = groups.of(derived.from);
  if (!known) return undefined;
  return 'columns' in derived
    ? columnsPlan(batch, derived.from, derived.columns, known)
    : rowsPlan(batch, derived.from, derived.runs, known);
}
