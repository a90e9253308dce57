// The pure readers the ingestion worker calls: CSV summary counted on bytes, LAS summary and tables.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFileTable, summariseFile } from './summary.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const example = 'public/examples/well-1.las';

describe('summariseFile (CSV)', () => {
  it('takes the columns from the header and counts the other non-blank records', async () => {
    const s = await summariseFile(
      't.csv',
      bytes('WELL;TOP; ZONE\r\nA;1;x\r\n\r\nB;2;"y\r\nz"\r\n'),
    );
    expect(s).toEqual({
      kind: 'csv',
      columns: [
        { name: 'WELL', unit: '' },
        { name: 'TOP', unit: '' },
        { name: 'ZONE', unit: '' },
      ],
      rows: 2,
      wells: [],
      warnings: [],
    });
  });

  it('agrees with the preview table on the number of rows', async () => {
    const text = 'a,b\n1,"x\ny"\n\n2,z\n3,w';
    const s = await summariseFile('t.csv', bytes(text));
    const t = await readFileTable('t.csv', bytes(text));
    expect(t.ok && t.value.numRows).toBe(3);
    expect(s.rows).toBe(3);
  });

  it('reports a file without a header row at line 1', async () => {
    for (const text of ['', '\n \n', ',,\n1,2\n']) {
      const s = await summariseFile('e.csv', bytes(text));
      expect(s.error, JSON.stringify(text)).toEqual({
        message: 'The file has no header row of column names.',
        line: 1,
      });
    }
  });
});

describe('summariseFile and readFileTable (LAS)', () => {
  it('reports the reader error with its line', async () => {
    const s = await summariseFile('bad.las', bytes('not a LAS file\n'));
    expect(s.kind).toBe('las');
    expect(s.error?.line).toBe(1);
    const t = await readFileTable('bad.las', bytes('not a LAS file\n'));
    expect(t.ok ? 'ok' : t.error).toMatch(/^bad\.las: line 1: /);
  });

  it.skipIf(!existsSync(example))('summarises and reads the example well', async () => {
    const b = new Uint8Array(readFileSync(example));
    const s = await summariseFile('well-1.las', b);
    expect(s).toMatchObject({ rows: 1101, wells: ['WELL-1'] });
    expect(s.depth).toEqual({ min: 1480, max: 1590, unit: 'M' });
    const t = await readFileTable('well-1.las', b);
    expect(t.ok && t.value.numRows).toBe(1101);
  });
});

describe('summariseFile and readFileTable (binary files named .csv)', () => {
  it('says what the file is, in the summary and the preview', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const s = await summariseFile('photo.csv', png);
    expect(s.columns).toEqual([]);
    expect(s.error).toEqual({
      message: 'This is a PNG image, not a CSV text file: add the CSV file itself, saved as text',
      line: 1,
    });
    const t = await readFileTable('photo.csv', png);
    expect(t).toEqual({
      ok: false,
      error:
        'photo.csv: this is a PNG image, not a CSV text file: add the CSV file itself, saved as text',
    });
    const zip = await summariseFile('a.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]));
    expect(zip.error?.message).toMatch(/ZIP archive .*extract the CSV file from it/);
    const nul = await summariseFile('b.csv', bytes('a,b\n1,\u0000\u0001\n'));
    expect(nul.error?.message).toMatch(/^This is binary data \(it holds NUL bytes\)/);
  });

  it('still reads UTF-16 text (its zero bytes are not binary data)', async () => {
    const text = 'DEPT,GR\n1000,45\n';
    const utf16 = Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
    const s = await summariseFile('u.csv', new Uint8Array([0xff, 0xfe, ...utf16]));
    expect(s.error?.message ?? '').not.toMatch(/binary/);
  });
});
