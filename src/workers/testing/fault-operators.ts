/**
 * Test-only operators that hurt the worker running them (fixtures for the fault tests, loaded into
 * pool workers through `operatorModules`, never registered in production): `test.fault` passes its
 * input through, but first kills the thread once per marker file, kills it every time, or fills
 * the JS heap until the thread runs out of memory.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { RecordBatch } from 'apache-arrow';
import { ok } from '../../model/result.ts';
import { defineParams, text } from '../../operators/params.ts';
import type { AnyOperator } from '../../operators/types.ts';

const params = defineParams({
  mode: text({ title: 'Mode', description: 'crash-once, crash, oom, throw or ok', default: 'ok' }),
  marker: text({
    title: 'Marker',
    description: 'crash-once: the file whose absence makes the step crash (it is created first)',
    default: '',
  }),
});

/** Holds what `oom` allocates, so the collector cannot free it. */
const hoard: number[][] = [];

/** Allocates JS heap (not ArrayBuffers, which live outside V8's limits) until the thread dies. */
function exhaustHeap(): never {
  for (;;) hoard.push(Array.from({ length: 1 << 18 }, (_, i) => i + 0.5));
}

const fault: AnyOperator = {
  id: 'test.fault',
  version: '1.0.0',
  channel: 'stable',
  category: 'Test',
  description: 'test only',
  title: 'Fault',
  kind: 'rowwise',
  params,
  inputs: () => [{ name: 'in', description: 'input table' }],
  outputs: [{ name: 'out', description: 'the input, unchanged' }],
  outputSchema: () => undefined,
  bind(_schema, p) {
    return ok((batch: RecordBatch) => {
      const marker = typeof p.marker === 'string' ? p.marker : '';
      if (p.mode === 'crash-once' && marker !== '' && !existsSync(marker)) {
        writeFileSync(marker, 'crashed once');
        process.exit(7);
      }
      if (p.mode === 'crash') process.exit(7);
      if (p.mode === 'oom') exhaustHeap();
      if (p.mode === 'throw') throw new Error('test.fault threw on purpose');
      return batch;
    });
  },
};

/** The operators this module contributes (the contract of an `operatorModules` entry). */
export const operators: readonly AnyOperator[] = [fault];
