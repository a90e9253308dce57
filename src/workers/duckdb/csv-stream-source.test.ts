import { Table, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';
import type { FileAccess } from '../../operators/types.ts';
import { readCsvFiles } from '../../operators/tables/source-csv.ts';
import {
  memoryFiles,
  rangedFiles,
  testContext,
  type RecordingContext,
} from '../../operators/tables/test-context.ts';
import { failure } from '../testing/failure.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

const enc = new TextEncoder();

async function run(
  files: FileAccess,
  file: string,
  chunkBytes: number,
  sampleRows = 6,
): Promise<{ table: Table; ctx: RecordingContext; batches: RecordBatch[] }> {
  const ctx = testContext({ files, sql: host });
  const batches: RecordBatch[] = [];
  for await (const b of readCsvFiles({ file }, ctx, { chunkBytes, sampleRows })) batches.push(b);
  return { table: new Table(batches), ctx, batches };
}

function rowsOf(t: Table): unknown[] {
  return t.toArray().map((r: { toJSON(): Record<string, unknown> }) => {
    const o = r.toJSON();
    return Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
    );
  });
}

function typesOf(t: Table): string[] {
  return t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
}

const samples: Record<string, string> = {
  numbers: `DEPT,GR,RHOB\n${Array.from({ length: 40 }, (_, i) => `${1000 + i * 0.5},${40 + i},${(2.1 + i / 100).toFixed(2)}`).join('\n')}\n`,
  quotedNewlines: `id,note,v\n${Array.from({ length: 12 }, (_, i) => `${i},"line ${i}\nsecond, with comma\nthird ""q""",${i * 2}`).join('\n')}\n`,
  crlf: `a;b;c\r\n${Array.from({ length: 15 }, (_, i) => `${i};x${i};"${i}; ${i}"`).join('\r\n')}\r\n`,
  bom: `\uFEFFname,depth\n${Array.from({ length: 30 }, (_, i) => `wé${i},${i * 10}`).join('\n')}`,
  dates: `d,t,n\n${Array.from({ length: 30 }, (_, i) => `0${(i % 9) + 1}/02/2024,2024-03-0${(i % 9) + 1} 10:00:00,${i}`).join('\n')}\n`,
  shortRows: `a,b,c\n1,2,3\n4,5\n${Array.from({ length: 30 }, (_, i) => `${i},${i},${i}`).join('\n')}\n7\n8,9,10\n`,
};

describe('source.csv streaming in chunks', () => {
  for (const [label, text] of Object.entries(samples)) {
    it(`gives the same table as the whole read: ${label}`, async () => {
      const whole = await run(memoryFiles({ 'f.csv': text }), 'f.csv', 1 << 20);
      for (const size of [5, 37, 200]) {
        const files = rangedFiles({ 'f.csv': text });
        const chunked = await run(files, 'f.csv', size);
        expect(files.ranges).toBeGreaterThan(1);
        expect(chunked.batches.length).toBeGreaterThan(1);
        expect(typesOf(chunked.table)).toEqual(typesOf(whole.table));
        expect(rowsOf(chunked.table)).toEqual(rowsOf(whole.table));
      }
    });
  }

  it('reads a file of at most one chunk whole, exactly as before (one ranged read)', async () => {
    const files = rangedFiles({ 'f.csv': samples.numbers! });
    const small = await run(files, 'f.csv', 1 << 20);
    const whole = await run(memoryFiles({ 'f.csv': samples.numbers! }), 'f.csv', 1 << 20);
    expect(files.ranges).toBe(1);
    expect(small.batches).toHaveLength(whole.batches.length);
    expect(rowsOf(small.table)).toEqual(rowsOf(whole.table));
  });

  it('widens a type when a late value does not fit the first chunk, as a whole read does', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i * 2}`);
    rows[24] = '24,oops';
    const text = `n,v\n${rows.join('\n')}\n`;
    const chunked = await run(rangedFiles({ 'late.csv': text }), 'late.csv', 40);
    expect(chunked.batches.length).toBeGreaterThan(1);
    expect(typesOf(chunked.table)).toEqual(['n:Int64', 'v:Utf8']);
    expect(rowsOf(chunked.table)[24]).toEqual({ n: 24, v: 'oops' });
    const early = await run(rangedFiles({ 'late.csv': text }), 'late.csv', 1 << 20);
    expect(rowsOf(chunked.table)).toEqual(rowsOf(early.table));
  });

  it('warns about short rows of later chunks with their file lines', async () => {
    const r = await run(rangedFiles({ 'f.csv': samples.shortRows! }), 'f.csv', 20);
    const w = r.ctx.warnings.join('\n');
    expect(w).toMatch(/1 rows have fewer than 3 values \(first at line 3\)/);
    expect(w).toMatch(/1 rows after line \d+ have fewer than 3 values \(first at line 34\)/);
    expect(r.table.numRows).toBe(34);
  });

  it('stacks a glob of a streamed file and a small one under one schema', async () => {
    const files = rangedFiles({ 'a.csv': samples.numbers!, 'b.csv': 'DEPT,NAME\n5.5,x\n' });
    const r = await run(files, '*.csv', 64);
    expect(typesOf(r.table)).toEqual(['DEPT:Float64', 'GR:Int64', 'RHOB:Float64', 'NAME:Utf8']);
    expect(r.table.numRows).toBe(41);
    expect(rowsOf(r.table)[40]).toEqual({ DEPT: 5.5, GR: null, RHOB: null, NAME: 'x' });
  });

  it('reads whole when the host serves no ranges, and refuses binary data as before', async () => {
    const whole = await run(memoryFiles({ 'f.csv': samples.crlf! }), 'f.csv', 8);
    expect(whole.table.numRows).toBe(15);
    const bin = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    const e = await failure(run(rangedFiles({ 'b.csv': bin }), 'b.csv', 64));
    expect(e.code).toBe('CSV_READ');
  });

  it('gives the cut-free answer for a UTF-16 file larger than a chunk (read whole)', async () => {
    const text = samples.numbers!;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const r = await run(rangedFiles({ 'u.csv': utf16 }), 'u.csv', 64);
    const plain = await run(memoryFiles({ 'u.csv': enc.encode(text) }), 'u.csv', 1 << 20);
    expect(rowsOf(r.table)).toEqual(rowsOf(plain.table));
  });
});
