// The "Net pay, Archie" template's operators, run in-process node by node at the versions the
// template pins (source.las stacks and converts the wells itself), against chain-reference.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../../src/operators/index.ts';
import { expectClose, tableOf, valuesOf } from '../../src/operators/petro/test-helpers.ts';
import { collect, memoryFiles, testContext } from '../../src/operators/tables/test-context.ts';
import type { AnyOperator } from '../../src/operators/types.ts';
import { examplesDir } from '../gen-examples.ts';
import { depthInMetres, parseExampleLas, referenceNetPay } from './chain-reference.ts';

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

const files = ['well-1.las', 'well-2.las', 'well-3.las'];

/** The template's `logs` node over the example LAS files: the three wells stacked. */
async function stackedWells(): Promise<{ table: Table; warnings: string[] }> {
  const { op, params } = node('logs');
  if (op.kind !== 'source') throw new Error('logs must be a source');
  const ctx = testContext({
    files: memoryFiles(Object.fromEntries(files.map((f) => [f, read(f)]))),
  });
  const batches = await collect(op.read(params, ctx));
  return { table: new Table(batches), warnings: ctx.warnings };
}

async function rowwise(id: string, table: Table): Promise<Table> {
  const { op, params } = node(id);
  if (op.kind !== 'rowwise') throw new Error(`${id} is not row-wise`);
  const bound = op.bind(table.schema, params, testContext());
  if (!bound.ok) throw new Error(bound.error.message);
  const batches: RecordBatch[] = [];
  for (const b of table.batches) batches.push(await bound.value(b));
  return new Table(batches);
}

const topsRows = read('tops.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

describe('"Net pay, Archie" over the example wells', () => {
  it('stacks the wells in metres: WELL-2 (logged in feet) converted, tops inside each well', async () => {
    expect(template.nodes.find((n) => n.id === 'logs')?.version).toBe('1.2.0');
    const { table, warnings } = await stackedWells();
    expect(warnings).toEqual(['DEPT of well-2.las converted from F to M.']);
    expect(table.schema.fields[0]?.metadata.get('unit')).toBe('M');
    const dept = valuesOf(table, 'DEPT') as number[];
    const well = valuesOf(table, 'WELL') as string[];
    const parsed = files.map((f) => parseExampleLas(read(f)));
    expect(parsed.map((p) => p.depthUnit)).toEqual(['M', 'F', 'M']);
    const want = parsed.flatMap((p) =>
      p.curves.get('DEPT')!.map((d) => depthInMetres(d!, p.depthUnit)),
    );
    expect(dept).toEqual(want);
    // WELL-2 starts at 5250 ft = 1600.2 m; its half-foot step is 0.1524 m.
    const first2 = well.indexOf('WELL-2');
    expect(dept[first2]).toBe(1600.2);
    expect(dept[first2 + 1]).toBe(1600.3524);
    for (const [w, top] of topsRows) {
      const depths = dept.filter((_, i) => well[i] === w);
      expect(Number(top), `${w} top ${top} m`).toBeGreaterThan(Math.min(...depths));
      expect(Number(top), `${w} top ${top} m`).toBeLessThan(Math.max(...depths));
    }
  });

  it('gives the summary computed independently from the same files', async () => {
    const tops = tableOf({
      WELL: topsRows.map((r) => r[0]!),
      TOP: topsRows.map((r) => Number(r[1])),
      ZONE: topsRows.map((r) => r[2]!),
    });
    let t = (await stackedWells()).table;
    for (const id of ['vsh', 'phid', 'phie', 'sw', 'cut']) t = await rowwise(id, t);
    const z = node('zones');
    if (z.op.kind !== 'blocking') throw new Error('zones.assign must be blocking');
    const zoned = await z.op.run({ logs: t, tops }, z.params, testContext());
    const summary = node('netpay');
    if (summary.op.kind !== 'blocking') throw new Error('summary.netpay must be blocking');
    expect(template.nodes.find((n) => n.id === 'netpay')?.version).toBe('1.1.0');
    const out = await summary.op.run({ in: zoned }, summary.params, testContext());

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

    // Physically (metres in every well): oil in MIDDLE, no pay in the water-bearing LOWER zone,
    // none above UPPER.
    for (const e of expected) {
      if (e.zone === 'MIDDLE') expect(e.net).toBeGreaterThan(12);
      if (e.zone === 'LOWER' || e.zone === null) expect(e.net).toBe(0);
    }
  });
});
