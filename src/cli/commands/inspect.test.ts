import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIO } from '../io.ts';

const REPO = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(REPO, 'tests', 'fixtures', 'lasio', 'files');
const fixture = (rel: string) => new Uint8Array(readFileSync(join(FIXTURES, rel)));

const SMALL = [
  '~VERSION INFORMATION',
  ' VERS. 2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
  ' WRAP. NO : ONE LINE PER DEPTH STEP',
  '~WELL INFORMATION',
  ' STRT.M 1670.0 :',
  ' NULL. -999.25 :',
  ' WELL. ANY WELL : WELL',
  ' UWI. 0512345678 : UNIQUE WELL ID',
  '~CURVE INFORMATION',
  ' DEPT.M : DEPTH',
  ' GR.GAPI : GAMMA RAY',
  ' ZONE. : ZONE NAME',
  '~PARAMETER INFORMATION',
  ' BHT.DEGC 35.5 : BOTTOM HOLE TEMPERATURE',
  '~A',
  '1670.0 -999.25 top',
  '1669.75 50 mid',
  '1669.5 40 base 9',
].join('\n');

describe('petroflow inspect --json', () => {
  it('prints the summary object of pipeline-format.md section 4', async () => {
    const io = memoryIO({ 'w.las': SMALL });
    expect(await main(['inspect', 'w.las', '--json'], io)).toBe(0);
    const out: unknown = JSON.parse(io.stdout.join(''));
    expect(out).toEqual({
      version: 2,
      wrapped: false,
      delimiter: 'SPACE',
      nullValue: -999.25,
      encoding: 'ascii',
      well: [
        { mnemonic: 'STRT', unit: 'M', value: 1670, description: '' },
        { mnemonic: 'NULL', unit: '', value: -999.25, description: '' },
        { mnemonic: 'WELL', unit: '', value: 'ANY WELL', description: 'WELL' },
        { mnemonic: 'UWI', unit: '', value: '0512345678', description: 'UNIQUE WELL ID' },
      ],
      params: [
        { mnemonic: 'BHT', unit: 'DEGC', value: 35.5, description: 'BOTTOM HOLE TEMPERATURE' },
      ],
      curves: [
        {
          mnemonic: 'DEPT',
          unit: 'M',
          description: 'DEPTH',
          count: 3,
          nulls: 0,
          first: 1670,
          last: 1669.5,
          min: 1669.5,
          max: 1670,
        },
        {
          mnemonic: 'GR',
          unit: 'GAPI',
          description: 'GAMMA RAY',
          count: 2,
          nulls: 1,
          first: 50,
          last: 40,
          min: 40,
          max: 50,
        },
        {
          mnemonic: 'ZONE',
          unit: '',
          description: 'ZONE NAME',
          count: 3,
          nulls: 0,
          first: 'top',
          last: 'base',
          min: null,
          max: null,
        },
      ],
      rows: 3,
      warnings: ['line 18: 4 values where 3 curves were declared; extra values ignored'],
    });
  });

  it('gives null first/last/min/max for a curve without values', async () => {
    const io = memoryIO({ 'e.las': fixture('excess_curves.las') });
    expect(await main(['inspect', 'e.las', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.join('')) as {
      curves: { mnemonic: string; first: unknown; min: unknown; nulls: number }[];
    };
    expect(out.curves.find((c) => c.mnemonic === 'ROP')).toMatchObject({
      first: null,
      min: null,
      nulls: 2,
    });
  });
});

describe('petroflow inspect (readable)', () => {
  it('prints version, well, curves with units and ranges, rows and warnings', async () => {
    const io = memoryIO({ 'w.las': SMALL });
    expect(await main(['inspect', 'w.las'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('LAS 2.0');
    expect(text).toContain('well: ANY WELL');
    expect(text).toContain('rows: 3');
    expect(text).toMatch(/GR\s+\[GAPI\]\s+40 \.\. 50/);
    expect(text).toContain('line 18: 4 values where 3 curves were declared; extra values ignored');
  });

  it('exits 1 with one line <file>: line <n>: <why> for a file that is not LAS', async () => {
    const io = memoryIO({ 'bad.las': 'just text\n' });
    expect(await main(['inspect', 'bad.las'], io)).toBe(1);
    expect(io.stderr).toEqual([expect.stringMatching(/^bad\.las: line 1: .*not a LAS file/)]);
  });

  it('exits 1 for a missing file and 2 for a usage error', async () => {
    const io = memoryIO();
    expect(await main(['inspect', 'nope.las'], io)).toBe(1);
    expect(io.stderr[0]).toBe('nope.las: no such file; check the path');
    expect(await main(['inspect'], io)).toBe(2);
    expect(await main(['inspect', 'a.las', 'b.las'], io)).toBe(2);
    expect(await main(['inspect', '--bogus'], io)).toBe(2);
  });

  it('reads standard input for -, and takes any name after --', async () => {
    const io = memoryIO({ '-': SMALL, '-w.las': SMALL, '--json': SMALL });
    expect(await main(['inspect', '-', '--json'], io)).toBe(0);
    expect((JSON.parse(io.stdout.join('')) as { rows: number }).rows).toBe(3);
    expect(await main(['inspect', '-'], io)).toBe(0);
    expect(io.stdout[1]?.split('\n')[0]).toBe('<stdin>');
    // After --, a name starting with '-' and even '--json' are files, not options.
    expect(await main(['inspect', '--', '-w.las'], io)).toBe(0);
    expect(io.stdout[2]?.split('\n')[0]).toBe('-w.las');
    expect(await main(['inspect', '--', '--json'], io)).toBe(0);
    expect(io.stdout[3]?.split('\n')[0]).toBe('--json');
    expect(io.stderr).toEqual([]);
  });

  it('names a mistyped option and what it may have meant', async () => {
    const io = memoryIO({ 'w.las': SMALL });
    expect(await main(['inspect', 'w.las', '--jsn'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/unknown option '--jsn'.*--json/);
    expect(await main(['inspect', '-'], memoryIO({ '-': 'not a LAS file at all\n' }))).toBe(1);
  });
});

describe('bin/petroflow.mjs inspect', () => {
  it('runs as a real process and prints the JSON summary', () => {
    const file = join(FIXTURES, '2.0', 'sample_2.0_inf_uwi_leading_zero.las');
    const r = spawnSync(
      process.execPath,
      [join(REPO, 'bin', 'petroflow.mjs'), 'inspect', file, '--json'],
      { encoding: 'utf8', cwd: REPO, timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      rows: number;
      well: { mnemonic: string; value: unknown }[];
    };
    expect(out.rows).toBe(3);
    expect(out.well.find((w) => w.mnemonic === 'UWI')?.value).toBe('05001095820000');
  });
});
