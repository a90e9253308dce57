/**
 * Test-only operators (fixtures for engine and pool tests, never registered in production): a
 * source of numbered batches, slow/failing/crashing/hanging row-wise steps and a gathering blocking
 * step. Worker pools load this module by URL through their `operatorModules` option.
 */
import {
  Float64,
  RecordBatch,
  Table,
  makeData,
  tableFromArrays,
  Field,
  Schema,
  Struct,
} from 'apache-arrow';
import { defineParams, int, num, text } from '../../operators/params.ts';
import type { AnyOperator, PortSpec } from '../../operators/types.ts';
import { ok } from '../../model/result.ts';

const inPort: readonly PortSpec[] = [{ name: 'in', description: 'input table' }];
const outPort: readonly PortSpec[] = [{ name: 'out', description: 'output table' }];
const meta = {
  version: '1.0.0',
  channel: 'stable',
  category: 'Test',
  description: 'test only',
} as const;

function busyWait(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Burns CPU on purpose: simulates a compute-bound step.
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Keys of `trap-once` steps that have trapped in this thread. */
const trapped = new Set<string>();

function num0(v: unknown, d: number): number {
  return typeof v === 'number' ? v : d;
}

/** Appends column `name` = `value` to a batch. */
function withColumn(batch: RecordBatch, name: string, value: number): RecordBatch {
  const values = new Float64Array(batch.numRows).fill(value);
  const field = new Field(name, new Float64(), true);
  const schema = new Schema([...batch.schema.fields.filter((f) => f.name !== name), field]);
  const children = batch.schema.fields
    .map((f, i) => [f, batch.data.children[i]] as const)
    .filter(([f]) => f.name !== name)
    .map(([, d]) => d as NonNullable<(typeof batch.data.children)[number]>);
  const col = makeData({ type: new Float64(), length: batch.numRows, data: values });
  const data = makeData({
    type: new Struct(schema.fields),
    length: batch.numRows,
    children: [...children, col],
  });
  return new RecordBatch(schema, data);
}

const numbersParams = defineParams({
  batches: int({ title: 'Batches', description: 'batches to produce', default: 3 }),
  rows: int({ title: 'Rows', description: 'rows per batch', default: 10 }),
  file: text({
    title: 'File',
    description: 'optional file whose bytes count',
    default: '',
    widget: 'file',
  }),
});

/** Source of `batches` batches of `rows` rows: column `i` = row number (plus the file's byte count). */
const numbers: AnyOperator = {
  ...meta,
  id: 'test.numbers',
  title: 'Numbers',
  kind: 'source',
  params: numbersParams,
  inputs: () => [],
  outputs: outPort,
  outputSchema: () => undefined,
  async *read(params, ctx) {
    const file = typeof params.file === 'string' ? params.file : '';
    let size = 0;
    for (const name of file ? ctx.files.match(file) : [])
      size += (await ctx.files.read(name)).bytes.length;
    const rows = num0(params.rows, 10);
    for (let b = 0; b < num0(params.batches, 3); b++) {
      // Like real sources, stop quietly when the run is cancelled.
      if (ctx.signal.aborted) return;
      const i = Float64Array.from({ length: rows }, (_, k) => b * rows + k);
      yield tableFromArrays({ i, size: new Float64Array(rows).fill(size) })
        .batches[0] as RecordBatch;
    }
  },
};

const stepParams = defineParams({
  ms: num({ title: 'Delay', description: 'milliseconds per batch', default: 0 }),
  busy: int({ title: 'Busy', description: '1 = burn CPU, 0 = sleep', default: 0 }),
  mode: text({
    title: 'Mode',
    description:
      'ok, fail, crash, hang, trap, or trap-once (traps the first time per key and thread)',
    default: 'ok',
  }),
  key: text({ title: 'Key', description: 'trap-once: which key has trapped already', default: '' }),
  output: text({ title: 'Output', description: 'column added', default: 'x' }),
  value: num({ title: 'Value', description: 'value of the added column', default: 1 }),
});

/** Row-wise step: adds column `output` = `value`; optionally slow, failing, crashing or hanging. */
const step: AnyOperator = {
  ...meta,
  id: 'test.step',
  title: 'Step',
  kind: 'rowwise',
  params: stepParams,
  inputs: () => inPort,
  outputs: outPort,
  outputSchema: () => undefined,
  bind(_schema, params) {
    const ms = num0(params.ms, 0);
    return ok(async (batch: RecordBatch) => {
      const mode = params.mode;
      if (mode === 'fail') throw new Error('test step failed on purpose');
      if (mode === 'crash') globalThis.process.exit(3);
      if (mode === 'trap') throw new WebAssembly.RuntimeError('memory access out of bounds');
      const key = typeof params.key === 'string' ? params.key : '';
      if (mode === 'trap-once' && !trapped.has(key)) {
        trapped.add(key);
        throw new WebAssembly.RuntimeError('memory access out of bounds');
      }
      if (mode === 'hang') busyWait(600_000);
      if (params.busy === 1) busyWait(ms);
      else if (ms > 0) await sleep(ms);
      return withColumn(
        batch,
        typeof params.output === 'string' ? params.output : 'x',
        num0(params.value, 1),
      );
    });
  },
};

const gatherParams = defineParams({
  ms: num({ title: 'Delay', description: 'milliseconds to wait', default: 0 }),
});

/** Blocking step: concatenates every input port's table (ports `a` and `b`, or `in`). */
const gather: AnyOperator = {
  ...meta,
  id: 'test.gather',
  title: 'Gather',
  kind: 'blocking',
  params: gatherParams,
  inputs: () => [
    { name: 'a', description: 'first' },
    { name: 'b', description: 'second' },
  ],
  outputs: outPort,
  outputSchema: () => undefined,
  async run(inputs, params) {
    await sleep(num0(params.ms, 0));
    const tables = Object.keys(inputs)
      .sort()
      .map((k) => inputs[k] as Table);
    const first = tables[0];
    if (!first) return new Table();
    return new Table(
      first.schema,
      tables.flatMap((t) => t.batches.map((b) => new RecordBatch(first.schema, b.data))),
    );
  },
};

/** The operators this module contributes (the contract of an `operatorModules` entry). */
export const operators: readonly AnyOperator[] = [numbers, step, gather];
