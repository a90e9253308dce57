import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Field } from 'apache-arrow';
import { RecordBatch, Schema, Struct, Table, makeData, type Data } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readLasTable } from '../../src/formats/las/index.ts';
import { createBuiltinRegistry } from '../../src/operators/index.ts';
import type { AnyOperator } from '../../src/operators/types.ts';
import {
  expectClose,
  tableOf,
  testContext,
  valuesOf,
} from '../../src/operators/petro/test-helpers.ts';
import { examplesDir } from '../gen-examples.ts';
import { parseExampleLas, referenceNetPay } from './chain-reference.ts';

interface TemplateNode {
  id: string;
  op: string;
  version: string;
  params: Record<string, unknown>;
}

const read = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');
const template = JSON.parse(read('pipelines/net-pay-archie.json')) as { nodes: TemplateNode[] };
const registry = createBuiltinRegistry();
const node = (id: string): { op: AnyOperator; params: Record<string, unknown> } => {
  const n = template.nodes.find((x) => x.id === id)!;
  const op = registry.operator(n.op, n.version);
  if (!op) throw new Error(`${n.op}@${n.version} is not registered`);
  return { op, params: n.params };
};

async function rowwise(id: string, table: Table): Promise<Table> {
  const { op, params } = node(id);
  if (op.kind !== 'rowwise') throw new Error(`${id} is not row-wise`);
  const bound = op.bind(table.schema, params, testContext());
  if (!bound.ok) throw new Error(bound.error.message);
  const batches: RecordBatch[] = [];
  for (const b of table.batches) batches.push(await bound.value(b));
  return new Table(batches);
}

/** Stacks the columns netpay needs of several wells into one table (what source.las's stacking gives). */
function stack(tables: readonly Table[], names: readonly string[]): Table {
  const first = tables[0]!.schema;
  const schema = new Schema(names.map((n) => first.fields.find((f) => f.name === n) as Field));
  const batches = tables.flatMap((t) =>
    t.batches.map((b) => {
      const children = names.map((n) => b.getChild(n)!.data[0] as Data);
      return new RecordBatch(
        schema,
        makeData({ type: new Struct(schema.fields), length: b.numRows, nullCount: 0, children }),
      );
    }),
  );
  return new Table(schema, batches);
}

describe('"Net pay, Archie" over the example wells', () => {
  it('gives the summary computed independently from the same files', async () => {
    const files = ['well-1.las', 'well-2.las', 'well-3.las'];
    const zoned: Table[] = [];
    const topsRows = read('tops.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const tops = tableOf({
      WELL: topsRows.map((r) => r[0]!),
      TOP: topsRows.map((r) => Number(r[1])),
      ZONE: topsRows.map((r) => r[2]!),
    });
    for (const file of files) {
      const r = readLasTable(new Uint8Array(readFileSync(join(examplesDir, file))), {
        fileName: file,
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.warnings).toEqual([]);
      let t = r.value.table;
      for (const id of ['vsh', 'phid', 'phie', 'sw', 'cut']) t = await rowwise(id, t);
      const z = node('zones');
      if (z.op.kind !== 'blocking') throw new Error('zones.assign must be blocking');
      zoned.push(await z.op.run({ logs: t, tops }, z.params, testContext()));
    }
    const summary = node('netpay');
    if (summary.op.kind !== 'blocking') throw new Error('summary.netpay must be blocking');
    const out = await summary.op.run(
      { in: stack(zoned, ['DEPT', 'WELL', 'ZONE', 'PHIE', 'SW', 'PAY']) },
      summary.params,
      testContext(),
    );

    const expected = referenceNetPay(
      files.map((f) => parseExampleLas(read(f))),
      read('tops.csv'),
    );
    expect(valuesOf(out, 'WELL')).toEqual(expected.map((e) => e.well));
    expect(valuesOf(out, 'ZONE')).toEqual(expected.map((e) => e.zone));
    for (const col of ['gross', 'net', 'ntg', 'phi_avg', 'sw_avg', 'hcpv'] as const) {
      expectClose(
        valuesOf(out, col),
        expected.map((e) => e[col]),
      );
    }

    // Physically: oil in MIDDLE in every well, no pay in the water-bearing LOWER zone, none above UPPER.
    for (const e of expected) {
      if (e.zone === 'MIDDLE') expect(e.net).toBeGreaterThan(e.well === 'WELL-2' ? 40 : 12);
      if (e.zone === 'LOWER' || e.zone === null) expect(e.net).toBe(0);
    }
  });
});
