/**
 * Writing LAS 2.0 from a LAS 3.0 file with several data sets: what cannot be written is said in a
 * warning (and in a `#` line of the file), not dropped silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Field, Float64, Schema, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readOk } from './testUtil.ts';
import { lasWriteWarnings } from './writeWarnings.ts';
import { writeLas } from './writer.ts';

const FILE = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'lasio', 'files');

describe('LAS 3.0 data a LAS 2.0 write cannot hold', () => {
  const bytes = new Uint8Array(readFileSync(join(FILE, '3.0', 'sample_3.0.las')));

  it('the other data sets of sample_3.0.las are named in a warning and in the file', () => {
    const first = readOk(bytes, 'sample_3.0.las');
    expect(first.info.dataSets).toHaveLength(7);
    const warnings = lasWriteWarnings(first.table);
    expect(warnings).toEqual([
      'sample_3.0.las has 7 other data sections (~Drilling_Data | Drilling_Definition at line 153, ' +
        '~Core_Data[1] | Core_Definition at line 162, ~Core_Data[2] | Core_Definition at line 167, ' +
        '~Inclinometry_Data | Inclinometry_Definition at line 178, ~Test_Data | Test_Definition at ' +
        'line 195, 2 more) that LAS 2.0 cannot hold: only the main log table is written, the rest ' +
        'is left out',
    ]);
    const written = writeLas(first.table);
    expect(written.split('\n').slice(0, 4)).toEqual([
      '~VERSION INFORMATION',
      ' VERS. 2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
      ' WRAP. NO : ONE LINE PER DEPTH STEP',
      `# ${warnings[0]}`,
    ]);
    // The file written reads back without data sets or warnings, and says nothing more.
    const second = readOk(written, 'sample_3.0.las');
    expect(second.info.dataSets).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(lasWriteWarnings(second.table)).toEqual([]);
  });

  it('one data set is named alone; a table with none (or hand-made metadata) gives none', () => {
    const text = [
      '~V',
      ' VERS. 2.0 :',
      ' WRAP. NO :',
      '~W',
      ' NULL. -999.25 :',
      '~C',
      ' DEPT.M :',
      '~A',
      '1',
      '~C',
      ' TOP.M :',
      '~A',
      '5',
    ].join('\n');
    const r = readOk(text, 'two.las');
    expect(lasWriteWarnings(r.table)).toEqual([
      'two.las has another data section (~A at line 12) that LAS 2.0 cannot hold: only the main log table is written, the rest is left out',
    ]);
    const plain = new Table({ DEPT: vectorFromArray([1, 2], new Float64()) });
    expect(lasWriteWarnings(plain)).toEqual([]);
    const odd = new Schema([new Field('DEPT', new Float64())], new Map([['las.dataSets', '{"x"']]));
    expect(lasWriteWarnings(new Table(odd))).toEqual([]);
  });
});
