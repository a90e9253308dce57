/**
 * Linear time on pathological inputs (issue 8): for each shape of nasty file, an input 10x longer
 * takes about 10x longer. Asserted with a generous factor (< 25x) on the median of repetitions, so
 * a loaded 2-core machine does not make it flaky, while a quadratic step (100x) still fails.
 */
import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { randomBytes } from './fuzzMutations.ts';
import { openLas } from './reader.ts';

const HEAD = '~VERSION\n VERS. 2.0 :\n WRAP. NO :\n~WELL\n NULL. -999.25 :\n';
const DATA_HEAD = HEAD + '~CURVE\n D.M :\n A. :\n B. :\n~A\n';
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Each case builds a file from a size `n` (bytes or lines, roughly 10 bytes each). */
const CASES: Record<string, (n: number) => Uint8Array> = {
  'lines of ~ markers': (n) => text(HEAD + '~\n~X\n'.repeat(n / 5)),
  'repeated ~A data sections': (n) => text(DATA_HEAD + '1 2 3\n~A\n'.repeat(n / 10)),
  'repeated ~A data sections, a non-breaking space at the end': (n) =>
    text(DATA_HEAD + '1 2 3\n~A\n'.repeat(n / 10) + '1\u00a02 3\n'),
  'repeated ~W header lines': (n) => text(HEAD + ' GR.GAPI 1 : gamma\n'.repeat(n / 20)),
  'one line of dots in ~W': (n) => text(HEAD + ' X' + '.'.repeat(n) + ' 1 : d\n'),
  'one line of colons in ~W': (n) => text(HEAD + ' X.U ' + '1:2 :'.repeat(n / 5) + '\n'),
  'one section title of bars': (n) => text(HEAD + '~' + '|_DATA['.repeat(n / 7) + '\n1\n'),
  'unclosed quotes on a data line': (n) => text(DATA_HEAD + '1 "a '.repeat(n / 5) + '\n'),
  'alternating quotes on data lines': (n) => text(DATA_HEAD + `1 "a' 'b"\n`.repeat(n / 10)),
  'one number of 500 000 digits': (n) => text(DATA_HEAD + '1 ' + '7'.repeat(n) + ' 3\n'),
  'distinct null spellings': (n) =>
    text(DATA_HEAD + Array.from({ length: n / 16 }, (_, i) => `1 ${i}.#INF 2\n`).join('')),
  'short rows under 5 000 curves': (n) =>
    text(
      HEAD +
        '~CURVE\n' +
        Array.from({ length: 5000 }, (_, i) => ` C${i}. :\n`).join('') +
        '~A\n' +
        '1\n'.repeat(n / 2),
    ),
  'tildes inside data lines': (n) => text(DATA_HEAD + '1 2 ~3\n'.repeat(n / 7)),
  'binary garbage after a header': (n) =>
    new Uint8Array([...text(DATA_HEAD), ...randomBytes(n, 7)]),
};

/** Milliseconds to open and read `bytes` (a LAS_READ error counts as a finished read). */
function timeRead(bytes: Uint8Array): number {
  const t0 = performance.now();
  const r = openLas(bytes, { fileName: 'x.las' });
  if (r.ok) {
    try {
      for (const _ of r.value.batches());
    } catch (e) {
      if (!(e instanceof PetroflowException) || e.detail.code !== 'LAS_READ') throw e;
    }
  }
  return performance.now() - t0;
}

function median(build: () => Uint8Array, reps: number): number {
  const bytes = build();
  const times = Array.from({ length: reps }, () => timeRead(bytes)).sort((a, b) => a - b);
  return times[reps >> 1]!;
}

describe('reader run time on pathological inputs', () => {
  for (const [name, build] of Object.entries(CASES)) {
    it(`grows linearly: ${name} (50 KB vs 500 KB)`, () => {
      timeRead(build(5_000)); // warm up the code paths
      // A floor of 5 ms keeps timer noise on tiny inputs from inflating the ratio.
      const small = Math.max(
        5,
        median(() => build(50_000), 5),
      );
      const large = median(() => build(500_000), 3);
      expect(large / small, `${small.toFixed(1)} ms vs ${large.toFixed(1)} ms`).toBeLessThan(25);
      expect(large).toBeLessThan(10_000);
    });
  }
});
