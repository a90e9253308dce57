import { Table, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';
import { parseRangedFileName } from '../../operators/file-range.ts';
import type { CsvChunking } from '../../operators/tables/source-csv-stream.ts';
import { readCsvFiles } from '../../operators/tables/source-csv.ts';
import { memoryFiles, testContext } from '../../operators/tables/test-context.ts';
import type { FileAccess, InputFile, SqlEngine } from '../../operators/types.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

/** Files served whole or by ranged names, as `petroflow run` serves them. */
function rangedFiles(files: Record<string, string>): FileAccess {
  const whole = memoryFiles(files);
  return {
    match: (pattern: string) => whole.match(pattern),
    read: async (request: string): Promise<InputFile> => {
      const r = parseRangedFileName(request);
      if (!r) return whole.read(request);
      const { bytes } = await whole.read(r.name);
      return { name: r.name, bytes: bytes.slice(r.offset, r.offset + r.length) };
    },
  };
}

interface Read {
  readonly table: Table;
  readonly warnings: string[];
  /** One key per readCsv call: file, part and where the part starts (probes marked). */
  readonly calls: string[];
}

async function read(
  files: Record<string, string>,
  pattern: string,
  chunking: Partial<CsvChunking>,
): Promise<Read> {
  const calls: string[] = [];
  const sql: SqlEngine = {
    query: (q, tables, signal) => host.query(q, tables, signal),
    readCsv: (name, bytes, options) => {
      const s = options.stream;
      const types = s?.part === 'next' ? s.dialect.columns.map((c) => c.type) : [];
      const probe = !types.some((t) => t.startsWith('?'))
        ? ''
        : types.every((t) => t === '?')
          ? '?detect'
          : '?check';
      const at = s?.part === 'next' ? `next@${s.recordsBefore}${probe}` : 'first';
      calls.push(`${name} ${s ? at : 'whole'} ${bytes.length}`);
      return host.readCsv(name, bytes, options);
    },
  };
  const ctx = testContext({ files: rangedFiles(files), sql });
  const batches: RecordBatch[] = [];
  for await (const b of readCsvFiles({ file: pattern }, ctx, chunking)) batches.push(b);
  return { table: new Table(batches), warnings: ctx.warnings, calls };
}

function rowsOf(t: Table): unknown[] {
  return t
    .toArray()
    .map((r: { toJSON(): Record<string, unknown> }) =>
      Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
    );
}

function typesOf(t: Table): string[] {
  return t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
}

const rows = (n: number, row: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => row(i)).join('\n');
/** Types fit the first chunk (a short row in a later chunk); a quoted line break in one value. */
const fits = `DEPT,GR,NOTE\n${rows(40, (i) => (i === 30 ? '1015' : `${1000 + i * 0.5},${40 + i},"n${i}${i === 3 ? '\nx' : ''}"`))}\n`;
/** A late value does not fit the first chunk's types: every chunk's types are detected. */
const widens = `DEPT,RHOB\n${rows(40, (i) => `${2000 + i},${i === 33 ? 'bad' : (2.1 + i / 100).toFixed(2)}`)}\n`;
const files = { 'a.csv': fits, 'b.csv': widens };
const small = { chunkBytes: 64, sampleRows: 6 };

describe('source.csv glob of large files', () => {
  it('reads each chunk once, as reading each file alone does, and stacks the same table', async () => {
    const glob = await read(files, '*.csv', small);
    const a = await read(files, 'a.csv', small);
    const b = await read(files, 'b.csv', small);
    // Every readCsv call of the glob is one a single-file read makes, none twice.
    expect(glob.calls.filter((c) => c.includes(' first ')).length).toBe(2);
    expect(new Set(glob.calls).size).toBe(glob.calls.length);
    expect([...glob.calls].sort()).toEqual([...a.calls, ...b.calls].sort());
    expect(a.calls.length).toBeGreaterThan(4);
    // b.csv's first chunk is read in its final types (step 3) once, for the schema and the rows.
    expect(glob.calls.filter((c) => c.startsWith('b.csv next@0 ')).length).toBe(1);
    // The stacked output equals the stack of whole-file reads (files of one chunk each).
    const whole = await read(files, '*.csv', { chunkBytes: 1 << 20 });
    expect(whole.calls).toEqual([`a.csv whole ${fits.length}`, `b.csv whole ${widens.length}`]);
    expect(typesOf(glob.table)).toEqual(['DEPT:Float64', 'GR:Int64', 'NOTE:Utf8', 'RHOB:Utf8']);
    expect(typesOf(glob.table)).toEqual(typesOf(whole.table));
    expect(rowsOf(glob.table)).toEqual(rowsOf(whole.table));
    expect(glob.table.numRows).toBe(80);
    // Warnings: the single-file reads' own, in file order.
    expect(glob.warnings).toEqual([...a.warnings, ...b.warnings]);
    expect(glob.warnings.join('\n')).toMatch(/a\.csv: 1 rows after line \d+ have fewer than 3/);
  });

  it('reads a first chunk again, not more, past the budget of kept tables', async () => {
    const kept = await read(files, '*.csv', small);
    const none = await read(files, '*.csv', { ...small, holdBytes: 0 });
    // a.csv's first chunk is read as in step 1 again; b.csv's in its final types again.
    expect(none.calls.length).toBe(kept.calls.length + 2);
    expect(none.calls.filter((c) => c.startsWith('a.csv first')).length).toBe(2);
    expect(none.calls.filter((c) => /^b\.csv next@0 /.test(c)).length).toBe(2);
    expect(typesOf(none.table)).toEqual(typesOf(kept.table));
    expect(rowsOf(none.table)).toEqual(rowsOf(kept.table));
    expect(none.warnings).toEqual(kept.warnings);
  });

  it('keeps small files past the budget as schemas only, and reads them again in turn', async () => {
    const kept = await read(files, '*.csv', { chunkBytes: 1 << 20 });
    const none = await read(files, '*.csv', { chunkBytes: 1 << 20, holdBytes: 0 });
    expect(kept.calls).toEqual([`a.csv whole ${fits.length}`, `b.csv whole ${widens.length}`]);
    // Read once for the schema and once for the rows, in turn: never two tables held.
    expect(none.calls).toEqual([...kept.calls, ...kept.calls]);
    expect(typesOf(none.table)).toEqual(typesOf(kept.table));
    expect(rowsOf(none.table)).toEqual(rowsOf(kept.table));
    expect(none.warnings).toEqual(kept.warnings);
    expect(kept.warnings.length).toBeGreaterThan(0);
  });
});
