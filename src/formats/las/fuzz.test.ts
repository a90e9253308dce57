/**
 * Property-based fuzzing of the LAS reader (issue 8). The corpus is lasio's 91 example files
 * (tests/fixtures/lasio/files) and mutations of them: truncation, byte flips and insertions,
 * swapped/duplicated/removed sections, 1 MB lines, thousands of repeated header lines or `~`
 * markers, BOMs and UTF-16/cp1252, NUL bytes, CR-only line ends and binary garbage. Whatever the
 * input, the reader returns a table or a reader error with a line inside the file (see
 * fuzzCheck.ts), within a time linear in the size. Deterministic: a fixed seed (FUZZ_SEED to change
 * it); FUZZ_RUNS multiplies the number of cases. fast-check prints the seed and path of a failure.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseBudgetMs, readChecked } from './fuzzCheck.ts';
import { applyMutations, hugeMutations, randomBytes, smallMutations } from './fuzzMutations.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'lasio', 'files');
const SEED = Number(process.env.FUZZ_SEED ?? 8_2024);
const SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1) || 1);
const runs = (n: number): number => Math.round(n * SCALE);
/** Vitest's time limit per test, raised with FUZZ_RUNS. */
const LIMIT = 60_000 * SCALE;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const corpus = new Map<string, Uint8Array>(
  existsSync(ROOT)
    ? walk(ROOT)
        .sort()
        .map((f) => [relative(ROOT, f), new Uint8Array(readFileSync(f))])
    : [],
);
const names = [...corpus.keys()];
const fixture = fc.constantFrom(...(names.length > 0 ? names : ['(none)']));
const bytesOf = (name: string): Uint8Array => corpus.get(name) ?? new Uint8Array();
const batchSize = fc.constantFrom(undefined, 1, 7, 4096);
const options = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: runs(numRuns),
  endOnFailure: true,
});

/** Checks the contract and the time budget of one input. */
function check(bytes: Uint8Array, size?: number): void {
  const out = readChecked(bytes, size);
  expect(out.ms, `took ${out.ms.toFixed(0)} ms for ${bytes.length} bytes`).toBeLessThan(
    caseBudgetMs(bytes.length),
  );
}

describe.skipIf(names.length === 0)('LAS reader fuzzing (seed ' + SEED + ')', () => {
  it('reads every fixture within the contract', () => {
    for (const name of names) check(bytesOf(name));
    expect(names.length).toBeGreaterThan(80);
  });

  it(
    'returns a table or a reader error with a line for mutated fixtures',
    () => {
      fc.assert(
        fc.property(fixture, smallMutations, batchSize, (name, ms, size) =>
          check(applyMutations(bytesOf(name), ms), size),
        ),
        options(250),
      );
    },
    LIMIT,
  );

  it(
    'survives 1 MB lines of numbers, blanks, dots, colons, quotes and ~',
    () => {
      fc.assert(
        fc.property(fixture, hugeMutations, (name, ms) => check(applyMutations(bytesOf(name), ms))),
        options(24),
      );
    },
    LIMIT,
  );

  it(
    'survives binary garbage, with and without a LAS header in front',
    () => {
      const header = new TextEncoder().encode('~V\n VERS. 2.0 :\n~C\n D.M :\n X. :\n~A\n');
      fc.assert(
        fc.property(
          fc.nat(),
          fc.integer({ min: 0, max: 200_000 }),
          fc.boolean(),
          (seed, n, lead) => {
            const junk = randomBytes(n, seed);
            check(lead ? new Uint8Array([...header, ...junk]) : junk);
          },
        ),
        options(40),
      );
    },
    LIMIT,
  );

  it(
    'reads the same rows, values and warnings whatever the batch size',
    () => {
      fc.assert(
        fc.property(fixture, smallMutations, (name, ms) => {
          const bytes = applyMutations(bytesOf(name), ms);
          const whole = readChecked(bytes, undefined, true);
          const small = readChecked(bytes, 3, true);
          expect({ ...small, ms: 0 }).toEqual({ ...whole, ms: 0 });
        }),
        options(80),
      );
    },
    LIMIT,
  );
});
