import {
  Float64,
  Int64,
  Table,
  tableFromArrays,
  tableFromIPC,
  vectorFromArray,
  Utf8,
} from 'apache-arrow';
// hyparquet is the reader half of hyparquet-writer (installed with it): an independent check.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { readLasTable } from '../las/index.ts';
import { csvField, encodeTable, tableToCsv } from './index.ts';

const sample = (): Table =>
  new Table({
    x: vectorFromArray([0.1 + 0.2, -0, 1e21, null], new Float64()),
    n: vectorFromArray([1n, null, -3n, 2n ** 40n], new Int64()),
    s: vectorFromArray(['plain', 'a,b', 'say "hi"', ''], new Utf8()),
  });

describe('CSV output', () => {
  it('writes a header, shortest round-trip numbers, empty nulls and RFC 4180 quoting', () => {
    expect(tableToCsv(sample())).toBe(
      'x,n,s\n0.30000000000000004,1,plain\n-0,,"a,b"\n1e+21,-3,"say ""hi"""\n,1099511627776,""\n',
    );
  });

  it('quotes line breaks and header names that need it', () => {
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const t = tableFromArrays({ 'a,b': Float64Array.from([1.5]) });
    expect(tableToCsv(t)).toBe('"a,b"\n1.5\n');
  });
});

describe('Arrow and Parquet output', () => {
  it('writes an Arrow IPC file that reads back equal', () => {
    const [f] = encodeTable('node', sample(), 'arrow');
    expect(f?.name).toBe('node.arrow');
    const bytes = f?.content as Uint8Array;
    expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe('ARROW1');
    const back = tableFromIPC(bytes);
    expect(back.getChild('x')?.get(0)).toBe(0.30000000000000004);
    expect(back.getChild('s')?.get(2)).toBe('say "hi"');
  });

  it('writes Parquet that an independent reader reads back with types and nulls', async () => {
    const [f] = encodeTable('node', sample(), 'parquet');
    expect(f?.name).toBe('node.parquet');
    const bytes = f?.content as Uint8Array;
    const file = new Uint8Array(bytes).buffer;
    const rows = await parquetReadObjects({ file });
    expect(rows).toEqual([
      { x: 0.30000000000000004, n: 1n, s: 'plain' },
      { x: -0, n: null, s: 'a,b' },
      { x: 1e21, n: -3n, s: 'say "hi"' },
      { x: null, n: 1099511627776n, s: '' },
    ]);
    const types = parquetMetadata(file).schema.map((e) => e.type);
    expect(types).toEqual([undefined, 'DOUBLE', 'INT64', 'BYTE_ARRAY']);
  });
});

describe('LAS output', () => {
  const logs = (): Table => {
    return new Table({
      DEPT: vectorFromArray([100, 100.5, 200, 200.5], new Float64()),
      GR: vectorFromArray([10, null, 30, 40], new Float64()),
      WELL: vectorFromArray(['A-1', 'A-1', 'B/2', 'B/2'], new Utf8()),
    });
  };

  it('writes one file per well, each readable as that well', () => {
    const files = encodeTable('logs', logs(), 'las');
    expect(files.map((f) => f.name)).toEqual(['logs.A-1.las', 'logs.B_2.las']);
    const b = readLasTable(new TextEncoder().encode(files[1]?.content as string), {
      fileName: 'b.las',
    });
    if (!b.ok) throw new Error(b.error.message);
    expect(b.value.table.getChild('DEPT')?.toArray()).toEqual(Float64Array.from([200, 200.5]));
    expect(b.value.table.getChild('WELL')?.get(0)).toBe('B/2');
  });

  it('writes a single-well table as <node>.las', () => {
    const one = logs().slice(0, 2);
    const files = encodeTable('logs', one, 'las');
    expect(files.map((f) => f.name)).toEqual(['logs.las']);
    expect(files[0]?.content).toContain('~A');
  });
});
