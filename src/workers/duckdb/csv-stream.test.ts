import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvDialect } from '../../operators/types.ts';
import {
  CSV_SHAPE_KEY,
  CSV_STREAM_KEY,
  tableWarnings,
} from '../../operators/tables/source-csv-parts.ts';
import { nextPartSql } from './csv-stream.ts';
import { partShape } from './csv-stream-shape.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';
import { failure } from '../testing/failure.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

const enc = new TextEncoder();

const dialect: CsvDialect = {
  delimiter: ';',
  quote: '"',
  escape: '"',
  comment: '',
  dateFormat: '%d/%m/%Y',
  timestampFormat: null,
  columns: [
    { name: 'n', type: 'BIGINT' },
    { name: 'd', type: 'DATE' },
    { name: 's', type: 'VARCHAR' },
  ],
};
const next = (recordsBefore: number, linesBefore = recordsBefore) =>
  ({ part: 'next', dialect, recordsBefore, linesBefore }) as const;

describe('streamed CSV parts in DuckDbHost.readCsv', () => {
  it('reports the first part dialect, columns and formats in csv.stream', async () => {
    const text = 'n;d;s\n1;02/01/2024;"a;b"\n2;25/12/2024;c\n';
    const t = await host.readCsv('f.csv', enc.encode(`\uFEFF${text}`), {
      delimiter: 'auto',
      header: true,
      stream: { part: 'first' },
    });
    expect(t.numRows).toBe(2);
    // No doubled quote in the sample: the sniffer reports no escape character, as for a whole file.
    expect(JSON.parse(t.schema.metadata.get(CSV_STREAM_KEY) ?? '')).toEqual({
      ...dialect,
      escape: '',
    });
  });

  it('reads a later part with those columns and no detection', async () => {
    // As a whole file `7` alone would be sniffed as a number: here it stays text, by the dialect.
    const t = await host.readCsv('f.csv', enc.encode('3;05/06/2024;7\n4;;"x\ny"\n'), {
      delimiter: 'auto',
      header: true,
      stream: next(10),
    });
    expect(t.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'n:Int64',
      'd:Date32<DAY>',
      's:Utf8',
    ]);
    expect(t.getChild('s')?.toArray()).toEqual(['7', 'x\ny']);
    expect(t.getChild('d')?.get(1)).toBeNull();
    expect(JSON.parse(t.schema.metadata.get(CSV_SHAPE_KEY) ?? '')).toMatchObject({ short: 0 });
  });

  it('fails with CSV_READ naming the file line and column of a value of another type', async () => {
    const e = await failure(
      host.readCsv('big.csv', enc.encode('5;01/01/2024;a\n6;01/01/2024;b\nsix;01/01/2024;c\n'), {
        delimiter: 'auto',
        header: true,
        stream: next(1000),
      }),
    );
    expect(e).toMatchObject({ code: 'CSV_READ', file: 'big.csv', line: 1003, field: 'n' });
    expect(e.message).toMatch(/^big\.csv: line 1003, column "n": the value "six" is not a BIGINT/);
  });

  it('reads a part with extra values leniently, with a warning naming the line', async () => {
    const t = await host.readCsv('f.csv', enc.encode('1;01/01/2024;a;extra\n2;01/01/2024;b\n'), {
      delimiter: 'auto',
      header: true,
      stream: next(40),
    });
    expect(t.numRows).toBe(2);
    expect(tableWarnings(t).join('\n')).toMatch(/f\.csv: .*near line 41.*strict_mode=false/);
    expect(JSON.parse(t.schema.metadata.get(CSV_SHAPE_KEY) ?? '')).toMatchObject({
      long: 1,
      firstLong: 41,
    });
  });
});

describe('partShape', () => {
  it('counts short and long records with file lines and the longest record', () => {
    const b = enc.encode('1;2;3\n4;"5\n6"\n7;8;9;10\n\n11;12;13');
    expect(partShape(b, dialect, 100)).toEqual({
      longest: 9,
      short: 1,
      long: 1,
      firstShort: 102,
      firstLong: 104,
    });
  });
});

describe('nextPartSql', () => {
  const d = { ...dialect, columns: [{ name: 'a', type: 'BIGINT' }] };
  it('gives read_csv a buffer as large as its line cap (at least 4 MiB)', () => {
    expect(nextPartSql('x', d, 100, false)).toMatch(
      /max_line_size=2000000,.*buffer_size=4194304\)$/,
    );
    expect(nextPartSql('x', d, 9_000_000, true)).toMatch(
      /max_line_size=9000016,.*buffer_size=9000016, strict_mode=false\)$/,
    );
  });

  it("fixes the dialect and columns, and skips a first chunk's head", () => {
    const sql = nextPartSql('x', d, 100, false, { header: true, skip: 2 });
    expect(sql).toContain('auto_detect=false');
    expect(sql).toContain('header=true');
    expect(sql).toContain('skip=2');
    expect(sql).toContain("columns={'a': 'BIGINT'}");
    expect(nextPartSql('x', d, 100, false)).not.toContain('skip=');
  });
});
