/**
 * `source.las`: reads one LAS file, or several matched by a glob, stacked in sorted name order
 * (union of columns by name, nulls where a file lacks a curve, `WELL` tells them apart), batch by
 * batch; reader warnings are forwarded with file and line.
 */
import type { RecordBatch } from 'apache-arrow';
import { openLas } from '../../formats/las/index.ts';
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import { defineParams, text } from '../params.ts';
import type { RunContext, SourceOperator } from '../types.ts';
import { matchFiles } from './glob.ts';
import { outPort, withDefaults, type ParamsType } from './shared.ts';
import { conformBatch, stackSchemas } from './stack.ts';

const ID = 'source.las';

const params = defineParams({
  file: text({
    title: 'File',
    description:
      'A LAS file name, or a glob such as *.las to stack several wells (in sorted name order; the WELL column tells them apart).',
    minLength: 1,
    maxLength: 1024,
    widget: 'file',
  }),
});

/** Parameters of `source.las`. */
export type SourceLasParams = ParamsType<typeof params>;

type Opened = { name: string; reader: Extract<ReturnType<typeof openLas>, { ok: true }>['value'] };

async function openAll(names: readonly string[], ctx: RunContext): Promise<Opened[]> {
  const out: Opened[] = [];
  for (const name of names) {
    const file = await ctx.files.read(name);
    const r = openLas(file.bytes, { fileName: name });
    if (!r.ok) {
      throw new PetroflowException(
        petroflowError('LAS_READ', `${name}: line ${r.error.line}: ${r.error.message}`, {
          nodeId: ctx.nodeId,
          op: ID,
          file: name,
          line: r.error.line,
        }),
      );
    }
    out.push({ name, reader: r.value });
  }
  return out;
}

async function* read(raw: SourceLasParams, ctx: RunContext): AsyncGenerator<RecordBatch> {
  const p = withDefaults(params, raw, ID);
  const names = matchFiles(ctx.files, p.file, { nodeId: ctx.nodeId, op: ID });
  const opened = await openAll(names, ctx);
  const stacked = stackSchemas(
    opened.map((o) => ({ file: o.name, schema: o.reader.schema })),
    ['WELL'],
  );
  for (const note of stacked.notes) ctx.warn(note);
  let rows = 0;
  for (const { name, reader } of opened) {
    let warned = 0;
    const forward = (): void => {
      for (; warned < reader.warnings.length; warned++) {
        const w = reader.warnings[warned]!;
        ctx.warn(`${name}: line ${w.line}: ${w.message}`);
      }
    };
    forward();
    for (const batch of reader.batches()) {
      if (ctx.signal.aborted) return;
      forward();
      rows += batch.numRows;
      ctx.progress(rows);
      yield opened.length === 1 ? batch : conformBatch(batch, stacked.schema);
    }
    forward();
  }
}

/** `source.las` 1.0.0. */
export const sourceLas: SourceOperator<SourceLasParams> = {
  kind: 'source',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'LAS files',
  category: 'Sources',
  description:
    'Reads LAS 1.2/2.0/3.0 well logs: one row per depth sample, the index curve first, then each curve by mnemonic, then WELL. A glob (e.g. *.las) stacks several files in sorted name order: columns are matched by name, a curve missing from a file is null there, and field metadata (unit, description) comes from the first file that has the curve.',
  params,
  inputs: () => [],
  outputs: outPort,
  outputSchema: () => undefined,
  read,
};
