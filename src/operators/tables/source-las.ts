/**
 * `source.las`: reads one LAS file, or several matched by a glob, stacked in sorted name order
 * (union of columns by name, nulls where a file lacks a curve, `WELL` tells them apart), batch by
 * batch; reader warnings are forwarded with file and line.
 */
import { DataType, type RecordBatch } from 'apache-arrow';
import { openLas } from '../../formats/las/index.ts';
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import { defineParams, text } from '../params.ts';
import type { RunContext, SourceOperator } from '../types.ts';
import { matchFiles } from './glob.ts';
import { outPort, withDefaults, type ParamsType } from './shared.ts';
import { batchFromColumns } from './arrow-util.ts';
import { convertLengthData, metresPer } from './units.ts';
import { conformBatch, stackSchemas, type StackedSchema } from './stack.ts';
import { planIndexNames, renameIndex, withSchema } from './source-las-index.ts';

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

/** How one version of the operator treats columns whose units differ between stacked files. */
type UnitPolicy = 'keep' | 'convert-lengths';

/** A column of one file to convert: its position in the stacked schema and the two factors. */
interface Conversion {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Per file, the columns to convert; every mismatch is also told to the user. */
function planUnits(
  stacked: StackedSchema,
  policy: UnitPolicy,
  warn: (message: string) => void,
): Map<string, Conversion[]> {
  const plan = new Map<string, Conversion[]>();
  for (const u of stacked.units) {
    const at = stacked.schema.fields.findIndex((f) => f.name === u.column);
    const field = stacked.schema.fields[at];
    const from = metresPer(u.unit);
    const to = metresPer(u.stackedUnit);
    const mixed = `${u.column} is in ${u.unit} in ${u.file} but in ${u.stackedUnit} in the first file that has it`;
    if (policy === 'keep') {
      warn(
        `${mixed}; stacked without conversion, so the column mixes units. Upgrade source.las to 1.1.0 to convert lengths (metres, feet, inches), or read the files separately.`,
      );
    } else if (from === undefined || to === undefined || !field || !DataType.isFloat(field.type)) {
      warn(`${mixed}; Petroflow cannot convert between these units, so the column mixes units.`);
    } else {
      warn(`${u.column} of ${u.file} converted from ${u.unit} to ${u.stackedUnit}.`);
      plan.set(u.file, [...(plan.get(u.file) ?? []), { at, from, to }]);
    }
  }
  return plan;
}

function convertBatch(batch: RecordBatch, conversions: readonly Conversion[]): RecordBatch {
  const children = [...batch.data.children];
  for (const c of conversions) children[c.at] = convertLengthData(children[c.at]!, c.from, c.to);
  return batchFromColumns(batch.schema, children, batch.numRows);
}

/** What a version does with stacked files: lengths in one unit; index curves under one name. */
interface StackPolicy {
  readonly units: UnitPolicy;
  readonly unifyIndex: boolean;
}

function makeRead(policy: StackPolicy) {
  return async function* read(raw: SourceLasParams, ctx: RunContext): AsyncGenerator<RecordBatch> {
    const p = withDefaults(params, raw, ID);
    const names = matchFiles(ctx.files, p.file, { nodeId: ctx.nodeId, op: ID });
    const opened = await openAll(names, ctx);
    const index = planIndexNames(
      opened.map((o) => ({ name: o.name, schema: o.reader.schema })),
      policy.unifyIndex,
    );
    const schemas = new Map(
      opened.map((o) => {
        const to = index.renames.get(o.name);
        return [o.name, to === undefined ? o.reader.schema : renameIndex(o.reader.schema, to)];
      }),
    );
    const stacked = stackSchemas(
      opened.map((o) => ({ file: o.name, schema: schemas.get(o.name)! })),
      ['WELL'],
    );
    for (const note of stacked.notes) ctx.warn(note);
    for (const w of index.warnings) ctx.warn(w);
    const conversions = planUnits(stacked, policy.units, (m) => ctx.warn(m));
    let rows = 0;
    for (const { name, reader } of opened) {
      let warned = 0;
      const forward = (): void => {
        for (; warned < reader.warnings.length; warned++) {
          const w = reader.warnings[warned]!;
          ctx.warn(`${name}: line ${w.line}: ${w.message}`);
        }
      };
      const convert = conversions.get(name) ?? [];
      const renamed = index.renames.has(name) ? schemas.get(name) : undefined;
      forward();
      for (const batch of reader.batches()) {
        if (ctx.signal.aborted) return;
        forward();
        rows += batch.numRows;
        ctx.progress(rows);
        if (opened.length === 1) yield batch;
        else {
          const laid = conformBatch(renamed ? withSchema(batch, renamed) : batch, stacked.schema);
          yield convert.length > 0 ? convertBatch(laid, convert) : laid;
        }
      }
      forward();
    }
  };
}

const DESCRIPTION =
  'Reads LAS 1.2/2.0/3.0 well logs: one row per depth sample, the index curve first, then each curve by mnemonic, then WELL. A glob (e.g. *.las) stacks several files in sorted name order: columns are matched by name, a curve missing from a file is null there, and field metadata (unit, description) comes from the first file that has the curve.';

/** `source.las` 1.0.0: stacks columns as they are, warning when their units differ. */
export const sourceLas: SourceOperator<SourceLasParams> = {
  kind: 'source',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'LAS files',
  category: 'Sources',
  description: `${DESCRIPTION} A column whose unit differs between files is stacked as it is, with a warning.`,
  params,
  inputs: () => [],
  outputs: outPort,
  outputSchema: () => undefined,
  read: makeRead({ units: 'keep', unifyIndex: false }),
};

/** `source.las` 1.1.0: as 1.0.0, but length columns of stacked files are put in one unit. */
export const sourceLasV110: SourceOperator<SourceLasParams> = {
  ...sourceLas,
  version: '1.1.0',
  description: `${DESCRIPTION} Version 1.1.0: when stacked files state different length units for a column (e.g. depth in M in one well and F in another), that file's values are converted to the unit of the first file that has the column (1 ft = 0.3048 m exactly, rounded to 9 decimals), with a warning; other unit differences are stacked as they are, with a warning.`,
  migration: {
    from: '1.0.0',
    changes:
      'No parameter changes. When the matched files give a column in different length units (metres, feet, inches...), values are converted to the unit of the first file that has it, instead of being stacked as they are: a well logged in feet stacked after one in metres gets its depths in metres. Results change only for such stacks; single files and stacks in one unit give the same table. Check tables matched to these depths (tops for zones.assign, cutoff intervals): they must be in the new unit too.',
    migrate: (p) => ({ ...p }),
  },
  read: makeRead({ units: 'convert-lengths', unifyIndex: false }),
};

/** `source.las` 1.2.0: as 1.1.0, but stacked files' index curves share the first file's mnemonic. */
export const sourceLasV120: SourceOperator<SourceLasParams> = {
  ...sourceLasV110,
  version: '1.2.0',
  description: `${sourceLasV110.description} Version 1.2.0: when stacked files name their index curve differently (DEPT in one, DEPTH or MD in another), every index is stacked under the first file's mnemonic, with a warning, unless that file also has a curve of that name or the units are neither equal nor both lengths (then it warns why and stacks as 1.1.0 does).`,
  migration: {
    from: '1.1.0',
    changes:
      "No parameter changes. When matched files name their index curve differently (DEPT in one, DEPTH in another), every file's index is stacked under the first file's mnemonic instead of in a column of its own: the later files' rows get depths in the index column, so filter.depth, resample and zones.assign keep them, and the other index column (e.g. DEPTH) disappears. Results change only for such stacks. Check nodes that name the other mnemonic: they must use the first file's.",
    migrate: (p) => ({ ...p }),
  },
  read: makeRead({ units: 'convert-lengths', unifyIndex: true }),
};
