/**
 * Linear time on any input: the reader scans by hand (no backtracking regular expressions), so a
 * file of pathological header lines 10x longer takes about 10x longer. The bound asserted (< 30x)
 * is generous so the test is not flaky on a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { uniqueNames } from './items.ts';
import { openLas } from './reader.ts';

const NASTY = [
  'A' + '.'.repeat(300) + ' x : y',
  'B. ' + ' :'.repeat(150),
  'C' + '..'.repeat(100) + ':'.repeat(100),
  'D.U ' + '1:2'.repeat(100) + ' : d',
  'GR.GAPI ' + 'a  '.repeat(100) + ': ' + '{'.repeat(50),
  '.' + ' .'.repeat(150) + ':',
];

function file(n: number): Uint8Array {
  const lines = ['~VERSION', ' VERS. 2.0 :', ' WRAP. NO :', '~WELL', ' NULL. -999.25 :'];
  for (let i = 0; i < n; i++) lines.push(NASTY[i % NASTY.length]!);
  lines.push('~PARAMETER');
  for (let i = 0; i < n; i++) lines.push(NASTY[(i + 3) % NASTY.length]!);
  lines.push('~' + '|'.repeat(200) + '[' + '_DATA'.repeat(40));
  lines.push('~CURVE');
  // Curves become Arrow columns (real work per column), so the ~C part is kept smaller.
  for (let i = 0; i < n / 20; i++)
    lines.push(i % 2 === 0 ? ' GR.GAPI : same name every time' : NASTY[i % NASTY.length]!);
  lines.push('~A', '1 2 3');
  return new TextEncoder().encode(lines.join('\n'));
}

function seconds(bytes: Uint8Array): number {
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    const r = openLas(bytes, { fileName: 'x.las' });
    if (!r.ok) throw new Error(r.error.message);
    for (const _ of r.value.batches());
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('reader run time', () => {
  it('grows linearly with pathological header lines (2 000 vs 20 000 lines)', () => {
    seconds(file(500));
    const small = seconds(file(2000));
    const large = seconds(file(20000));
    expect(large / small).toBeLessThan(30);
    expect(large).toBeLessThan(10_000);
  });

  it('names 20 000 repeats of one mnemonic in linear time', () => {
    const t0 = performance.now();
    const names = uniqueNames(Array<string>(20000).fill('GR'));
    expect(names[19999]).toBe('GR:20000');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
