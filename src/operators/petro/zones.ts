/**
 * `zones.assign`: labels each log sample with the zone of the deepest formation top at or above it
 * ("deepest" = the largest top depth <= index, so it works whichever way the index runs); samples
 * above the first top, with a null index, or of a well without tops get a null zone.
 */
import type { DataType } from 'apache-arrow';
import { Field, Table, type RecordBatch, type Schema } from 'apache-arrow';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import {
  numericColumnIndex,
  readFloat64,
  readTableFloat64,
  withColumns,
  withFields,
} from '../columns.ts';
import { column, defineParams, text, type ParamsType } from '../params.ts';
import type { BlockingOperator } from '../types.ts';
import { withDefaults } from './shared.ts';
import { columnExists, columnValues, dataOf, plainType } from './tables.ts';
import { wellKey } from './well-key.ts';
import { coarser, storedAs, toStored } from '../precision.ts';
import { zoneLookup } from './zones-lookup.ts';
import { ZoneCoverage } from './zones-coverage.ts';

const params = defineParams({
  index: column({
    title: 'Depth index',
    description: 'Depth index column of the logs; empty means the first column of the logs.',
    optional: true,
    port: 'logs',
  }),
  topColumn: column({
    title: 'Top depth',
    description: 'Column of the tops table holding each top depth, in the unit of the logs index.',
    default: 'TOP',
    port: 'tops',
  }),
  zoneColumn: column({
    title: 'Zone name',
    description: 'Column of the tops table holding the zone that starts at each top.',
    default: 'ZONE',
    port: 'tops',
  }),
  wellColumn: column({
    title: 'Well',
    description:
      'Well name column; used to match tops to logs when both tables have it, otherwise every top applies to every sample.',
    default: 'WELL',
    port: 'logs',
  }),
  output: text({
    title: 'Output column',
    description:
      'Name of the zone column added to the logs; an existing column of that name is replaced.',
    default: 'ZONE',
    minLength: 1,
    maxLength: 256,
  }),
});

type Params = ParamsType<typeof params>;
const where = { op: 'zones.assign' };

interface Resolved {
  readonly index: string;
  readonly byWell: boolean;
  readonly out: Schema;
  readonly zoneField: Field;
}

function resolve(logs: Schema, tops: Schema, raw: Params): Result<Resolved, PetroflowError> {
  const p = withDefaults(params, raw);
  const index = raw.index ?? logs.fields[0]?.name;
  if (index === undefined)
    return err({
      code: 'BAD_PARAMS',
      message: 'The logs table has no columns; connect a table of log samples to "logs".',
      ...where,
    });
  const at = numericColumnIndex(logs, 'index', index, where);
  if (!at.ok) return at;
  const top = numericColumnIndex(tops, 'topColumn', p.topColumn, where);
  if (!top.ok)
    return {
      ok: false,
      error: { ...top.error, message: `${top.error.message} (in the tops table)` },
    };
  const zone = columnExists(tops, 'zoneColumn', p.zoneColumn, where, 'the tops table');
  if (!zone.ok) return zone;
  const has = (s: Schema) => s.fields.some((f) => f.name === p.wellColumn);
  // The zone replaces a column of that name: never the depths, nor the wells it was matched by.
  const replaced =
    p.output === index
      ? 'the index'
      : has(logs) && p.output === p.wellColumn
        ? 'the well column'
        : '';
  if (replaced)
    return err({
      code: 'BAD_PARAMS',
      message: `Parameter "output": "${p.output}" is ${replaced} of the logs; the zones would replace it. Choose another name for the zone column (e.g. ZONE).`,
      ...where,
      field: 'params.output',
    });
  const meta = new Map(zone.value.metadata);
  meta.set('description', 'Zone from formation tops (deepest top at or above the sample)');
  const zoneField = new Field(p.output, plainType(zone.value.type as DataType), true, meta);
  return ok({
    index,
    byWell: has(logs) && has(tops),
    out: withFields(logs, [zoneField]),
    zoneField,
  });
}

/**
 * Warns when the tops hold several wells but the logs have no well column: every top then applies
 * to every sample, so the zones of one well's samples come from all the wells' tops.
 */
function warnUnmatchedWells(
  logs: Schema,
  tops: Table,
  wellColumn: string,
  warn: (message: string) => void,
): void {
  if (logs.fields.some((f) => f.name === wellColumn)) return;
  if (!tops.schema.fields.some((f) => f.name === wellColumn)) return;
  const wells = new Set(columnValues(tops, wellColumn).map(wellKey));
  if (wells.size < 2) return;
  warn(
    `The tops table has tops of ${wells.size} wells (column "${wellColumn}") but the logs have no column "${wellColumn}", so every top applies to every sample and the zones mix the wells' tops. Add a column "${wellColumn}" with the well's name to the logs (e.g. a math.expression node), or keep only this well's tops (e.g. with a sql node).`,
  );
}

/** A well value as the warnings show it; null stays null. */
function nameOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const plain = typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint';
  return plain ? String(v) : (JSON.stringify(v) ?? '');
}

/** `zones.assign` 1.0.0 (blocking: it needs every top before the first sample can be labelled). */
export const zonesAssign: BlockingOperator<Params> = {
  kind: 'blocking',
  id: 'zones.assign',
  version: '1.0.0',
  channel: 'stable',
  title: 'Assign zones from tops',
  category: 'Tables',
  description:
    'Adds to the logs the zone of the deepest top <= index, i.e. the top with the largest depth not below the sample (works for increasing or decreasing index); null above the first top, for a null index, or for a well that has no tops. Depths are compared at the precision of the coarser column (a 32-bit float index, such as a Parquet FLOAT, against tops read as doubles: the tops are rounded to 32 bits first, so a sample at 1480.1 is at a top at 1480.1). Tops are matched by well when both tables have the well column, by the well name as text without surrounding spaces (a well 1001 read as a number matches "1001" read as text). Two tops at the same depth: the one listed last wins.',
  params,
  inputs: () => [
    { name: 'logs', description: 'Log samples with a depth index (and a well column).' },
    { name: 'tops', description: 'Formation tops: top depth, zone name (and well).' },
  ],
  outputs: [{ name: 'out', description: 'The logs with the zone column added.' }],
  outputSchema(inputs, p) {
    const { logs, tops } = inputs;
    if (!logs || !tops) return undefined;
    const r = resolve(logs, tops, p);
    return r.ok ? ok(r.value.out) : r;
  },
  run(inputs, raw, ctx) {
    const { logs, tops } = inputs;
    if (!logs || !tops) {
      return Promise.reject(
        new PetroflowException({
          code: 'BAD_EDGE',
          message: 'Connect both inputs: "logs" and "tops".',
          ...where,
          nodeId: ctx.nodeId,
        }),
      );
    }
    const r = resolve(logs.schema, tops.schema, raw);
    if (!r.ok) return Promise.reject(new PetroflowException({ ...r.error, nodeId: ctx.nodeId }));
    const p = withDefaults(params, raw);
    const zones = columnValues(tops, p.zoneColumn);
    const topWells = r.value.byWell ? columnValues(tops, p.wellColumn).map(wellKey) : undefined;
    const depths = readTableFloat64(tops, p.topColumn).values;
    // A FLOAT index holds 1480.1 as 1480.0999755859375: compare at the coarser precision of the two.
    const s = coarser(storedAs(logs.schema, r.value.index), storedAs(tops.schema, p.topColumn));
    const lookup = zoneLookup(depths, topWells, s === 'double' ? undefined : (d) => toStored(d, s));
    const missing = new Set<string | null>();
    const coverage = new ZoneCoverage();
    const batches = logs.batches.map((batch: RecordBatch) => {
      const index = readFloat64(batch, r.value.index).values;
      const wells = r.value.byWell ? (batch.getChild(p.wellColumn) ?? undefined) : undefined;
      const values = new Array<unknown>(batch.numRows);
      for (let i = 0; i < batch.numRows; i++) {
        const well = wells ? wellKey(wells.get(i)) : undefined;
        const row = lookup.find(index[i]!, well);
        if (row === -2 && wells) missing.add(nameOf(wells.get(i)));
        else if (!Number.isNaN(index[i])) {
          coverage.add(well ?? '', String(nameOf(wells?.get(i))), index[i]!, row >= 0);
        }
        values[i] = row >= 0 ? zones[row] : null;
      }
      const added = new Map([
        [r.value.zoneField.name, dataOf(values, r.value.zoneField.type as DataType)],
      ]);
      return withColumns(batch, r.value.out, added);
    });
    if (!r.value.byWell) warnUnmatchedWells(logs.schema, tops, p.wellColumn, (m) => ctx.warn(m));
    const zoneName = r.value.zoneField.name;
    for (const m of coverage.warnings((k) => lookup.firstTop(k), zoneName, r.value.byWell))
      ctx.warn(m);
    for (const well of missing)
      ctx.warn(
        well === null
          ? `Samples without a well name (a null ${p.wellColumn}) match no tops; their ${zoneName} is null. Fill ${p.wellColumn} in the logs (e.g. a math.expression node) with the well name the tops use.`
          : `Well "${well}" has no tops in the tops table; its ${zoneName} is null.`,
      );
    return Promise.resolve(new Table(r.value.out, batches));
  },
};
