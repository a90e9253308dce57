/**
 * A small registry of real (if simple) operators for the store's unit tests: a source, a row-wise
 * operator with three versions (stable 1.0.0 -> stable 1.1.0 with a parameter rename -> beta 2.0.0),
 * and a two-input operator. Kept apart from the built-in registry, which other work is filling.
 */
import { Field, Float64, Schema } from 'apache-arrow';
import { OperatorRegistry } from '../operators/registry.ts';
import { column, defineParams, num, text } from '../operators/params.ts';
import type { AnyOperator } from '../operators/types.ts';
import { ok } from '../model/result.ts';

const out = [{ name: 'out', description: 'result' }];

const source: AnyOperator = {
  kind: 'source',
  id: 'test.source',
  version: '1.0.0',
  channel: 'stable',
  title: 'Test source',
  category: 'Sources',
  description: 'Yields nothing.',
  params: defineParams({
    file: text({ title: 'File', description: 'name', default: '*.las', widget: 'file' }),
  }),
  inputs: () => [],
  outputs: out,
  outputSchema: () =>
    ok(new Schema([new Field('DEPT', new Float64()), new Field('GR', new Float64())])),
  read: () => ({
    [Symbol.asyncIterator]: () => ({
      next: () => Promise.resolve({ done: true as const, value: undefined }),
    }),
  }),
};

function scale(version: string, channel: 'stable' | 'beta', factorName: string): AnyOperator {
  return {
    kind: 'rowwise',
    id: 'test.scale',
    version,
    channel,
    title: 'Scale',
    category: 'Maths',
    description: 'Multiplies a column.',
    params: defineParams({
      col: column({ title: 'Column', description: 'input column', default: 'GR' }),
      [factorName]: num({ title: 'Factor', description: 'multiplier', minimum: 0 }),
    }),
    inputs: () => [{ name: 'in', description: 'table' }],
    outputs: out,
    ...(version === '1.0.0'
      ? {}
      : {
          migration: {
            from: version === '1.1.0' ? '1.0.0' : '1.1.0',
            changes: version === '1.1.0' ? '"k" is renamed "factor".' : 'Beta: no change.',
            migrate: (p: Readonly<Record<string, unknown>>) => {
              const { k, ...rest } = p;
              return version === '1.1.0' ? { ...rest, factor: k } : { ...p };
            },
          },
        }),
    outputSchema: (inputs) => (inputs.in ? ok(inputs.in) : undefined),
    bind: () => ok((b) => b),
  };
}

const join: AnyOperator = {
  kind: 'blocking',
  id: 'test.join',
  version: '1.0.0',
  channel: 'stable',
  title: 'Join',
  category: 'Tables',
  description: 'Two inputs.',
  params: defineParams({}),
  inputs: () => [
    { name: 'a', description: 'left' },
    { name: 'b', description: 'right' },
  ],
  outputs: out,
  outputSchema: () => undefined,
  run: (inputs) => Promise.resolve(inputs.a as NonNullable<(typeof inputs)['a']>),
};

/** A fresh registry of the test operators. */
export function testRegistry(): OperatorRegistry {
  return new OperatorRegistry([
    source,
    scale('1.0.0', 'stable', 'k'),
    scale('1.1.0', 'stable', 'factor'),
    scale('2.0.0', 'beta', 'factor'),
    join,
  ]);
}
