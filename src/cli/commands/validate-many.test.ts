/**
 * `petroflow validate` on a document with thousands of problems prints one line per problem up to
 * MAX_PROBLEM_LINES, then one line counting the rest, and still exits 1 (the whole document was
 * checked: the count is exact).
 */
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../io.ts';
import { MAX_PROBLEM_LINES, printProblems } from './problems.ts';
import { makeRunCommand } from './run.ts';
import { cliCatalogue } from './validate.fixtures.ts';
import { makeValidateCommand } from './validate.ts';

const command = makeValidateCommand(() => cliCatalogue);

/** A pipeline with one valid source and `n` edges from it to nodes that do not exist. */
function manyBadEdges(n: number): string {
  return JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'p',
    name: 'many',
    nodes: [{ id: 'logs', op: 'source.las', version: '1.0.0', params: { file: 'a.las' } }],
    edges: Array.from({ length: n }, (_, i) => ({
      from: 'logs',
      fromPort: 'out',
      to: `missing${i}`,
      toPort: 'in',
    })),
  });
}

describe('many problems', () => {
  it('validate prints the first 100 of 20 000 bad edges and one count line; exit 1', async () => {
    const io = memoryIO({ 'p.json': manyBadEdges(20_000) });
    expect(await command.run(['p.json'], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(io.stderr[0]).toMatch(/^p\.json: .*missing0/);
    expect(io.stderr[99]).toMatch(/missing99\b/);
    expect(io.stderr[100]).toBe(
      'p.json: ... and 19900 more problems (20000 total); fix the ones above and validate again to see the rest',
    );
  });

  it('run refuses the same document with the same capped list, before any engine starts', async () => {
    let engines = 0;
    const run = makeRunCommand(
      () => cliCatalogue,
      () => {
        engines++;
        return Promise.reject(new Error('no engine'));
      },
    );
    const io = memoryIO({ 'p.json': manyBadEdges(5000) });
    expect(await run.run(['p.json'], io)).toBe(1);
    expect(io.stderr).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(io.stderr.at(-1)).toContain('... and 4900 more problems (5000 total)');
    expect(engines).toBe(0);
  });

  it('prints every problem up to the cap, and says "1 more problem" in the singular', () => {
    const io = memoryIO();
    printProblems(io, 'f', ['a', 'b'], 2);
    expect(io.stderr).toEqual(['f: a', 'f: b']);
    printProblems(io, 'f', ['a', 'b', 'c'], 2);
    expect(io.stderr.slice(2)).toEqual([
      'f: a',
      'f: b',
      'f: ... and 1 more problem (3 total); fix the ones above and validate again to see the rest',
    ]);
  });
});
