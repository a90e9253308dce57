/**
 * Test-only: the contract every input must meet, checked by the fuzz tests. `openLas` never
 * throws; it returns a reader or a `LasReadError` whose line is within the file; consuming
 * `batches()` either completes or throws a `PetroflowException` with code LAS_READ and such a line;
 * warnings carry lines within the file; batch sizes do not change what is read.
 */
import { PetroflowException } from '../../model/errors.ts';
import { decodeLasBytes } from './encoding.ts';
import { openLas } from './reader.ts';

/** Lines of `b` (LF, CRLF and lone CR end a line; a file without a final break has one more). */
export function countLines(b: Uint8Array): number {
  let n = 1;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (b[i + 1] === 10) i++;
    }
  }
  return n;
}

/** What a read gave, in a comparable form. */
export interface ReadOutcome {
  readonly kind: 'error' | 'table' | 'data-error';
  readonly line: number;
  readonly rows: number;
  readonly columns: string[];
  /** Values of every cell, row by row (only when `keepValues`). */
  readonly cells: unknown[];
  readonly warnings: string[];
  readonly ms: number;
}

/** A broken contract (never caught as a reader failure). */
class ContractViolation extends Error {}

function violation(what: string): Error {
  return new ContractViolation(`contract violated: ${what}`);
}

function checkLine(line: unknown, lines: number, where: string): number {
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > lines)
    throw violation(`${where} has line ${String(line)}; the file has ${lines} lines`);
  return line;
}

/** Reads `bytes` and checks the contract; throws an Error describing the first violation. */
export function readChecked(
  bytes: Uint8Array,
  batchSize?: number,
  keepValues = false,
): ReadOutcome {
  const lines = countLines(decodeLasBytes(bytes).bytes);
  const t0 = performance.now();
  const opened = openLas(bytes, { fileName: 'fuzz.las', ...(batchSize ? { batchSize } : {}) });
  if (!opened.ok) {
    const { error } = opened;
    if (error.file !== 'fuzz.las' || error.message.length === 0)
      throw violation(`reader error without file or message: ${JSON.stringify(error)}`);
    const line = checkLine(error.line, lines, 'reader error');
    const ms = performance.now() - t0;
    return { kind: 'error', line, rows: 0, columns: [], cells: [], warnings: [], ms };
  }
  const r = opened.value;
  const columns = r.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
  const cells: unknown[] = [];
  let rows = 0;
  let kind: ReadOutcome['kind'] = 'table';
  let line = 0;
  try {
    for (const batch of r.batches()) {
      const got = batch.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
      if (got.join() !== columns.join()) throw violation(`batch columns ${got.join()}`);
      if (batchSize && batch.numRows > batchSize) throw violation('a batch is too large');
      rows += batch.numRows;
      if (keepValues)
        for (let i = 0; i < batch.numRows; i++)
          for (let c = 0; c < batch.numCols; c++) cells.push(batch.getChildAt(c)?.get(i));
    }
  } catch (e) {
    if (e instanceof ContractViolation) throw e;
    if (!(e instanceof PetroflowException) || e.detail.code !== 'LAS_READ')
      throw violation(`batches() threw ${e instanceof Error ? e.stack : String(e)}`);
    kind = 'data-error';
    line = checkLine(e.detail.line, lines, 'data error');
  }
  for (const w of r.warnings) checkLine(w.line, lines, `warning '${w.message.slice(0, 80)}'`);
  const warnings = r.warnings.map((w) => `${w.line}: ${w.message}`);
  return { kind, line, rows, columns, cells, warnings, ms: performance.now() - t0 };
}

/** Time allowed for one case: generous for a loaded 2-core machine, linear in the size. */
export function caseBudgetMs(bytes: number): number {
  return 3000 + bytes / 250;
}
