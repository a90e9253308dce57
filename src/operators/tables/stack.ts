/**
 * Stacking several files into one table (`source.las`, `source.csv` with a glob): the union of
 * columns by name, in order of first appearance (listed `last` names such as `WELL` at the end);
 * field metadata from the first file that has the column; a column missing from a file is null
 * there. Columns whose types differ between files become Float64 when all are numeric, else text.
 */
import type { DataType } from 'apache-arrow';
import { Field, Float64, Schema, Utf8, type RecordBatch } from 'apache-arrow';
import { isNumericType } from '../columns.ts';
import { sameUnit } from './units.ts';
import {
  batchFromColumns,
  convertData,
  nullData,
  nullable,
  sameType,
  typeName,
} from './arrow-util.ts';

/** One file's schema. */
export interface FileSchema {
  readonly file: string;
  readonly schema: Schema;
}

/** A column whose unit in `file` differs from the unit of the stacked column (the first file's). */
export interface UnitMismatch {
  readonly column: string;
  readonly file: string;
  readonly unit: string;
  readonly stackedUnit: string;
}

/** The stacked schema and what the user should know about it. */
export interface StackedSchema {
  readonly schema: Schema;
  readonly notes: readonly string[];
  /** Columns stacked from files that state different units (both non-empty). */
  readonly units: readonly UnitMismatch[];
}

const unitOf = (f: Field): string => f.metadata.get('unit')?.trim() ?? '';

function widen(a: DataType, b: DataType): DataType {
  if (sameType(a, b)) return a;
  return isNumericType(a) && isNumericType(b) ? new Float64() : new Utf8();
}

/** The union schema of several files (see the module comment); schema metadata of the first. */
export function stackSchemas(
  files: readonly FileSchema[],
  last: readonly string[] = [],
): StackedSchema {
  const fields = new Map<string, Field>();
  const seen = new Map<string, number>();
  const notes: string[] = [];
  const units: UnitMismatch[] = [];
  for (const { file, schema } of files) {
    for (const f of schema.fields) {
      const have = fields.get(f.name);
      seen.set(f.name, (seen.get(f.name) ?? 0) + 1);
      if (!have) {
        const twin = [...fields.keys()].find((n) => n.toLowerCase() === f.name.toLowerCase());
        if (twin !== undefined) {
          notes.push(
            `Column ${f.name} of ${file} differs from column ${twin} of an earlier file only in case; they are stacked as two columns (each null where the other has values), and SQL (math.expression, sql) cannot tell them apart. Spell the name alike in every file to stack them as one.`,
          );
        }
        fields.set(f.name, f);
        continue;
      }
      const [unit, stackedUnit] = [unitOf(f), unitOf(have)];
      if (unit !== '' && stackedUnit !== '' && !sameUnit(unit, stackedUnit))
        units.push({ column: f.name, file, unit, stackedUnit });
      const type = widen(have.type as DataType, f.type as DataType);
      if (!sameType(type, have.type as DataType)) {
        notes.push(
          `Column ${f.name} is ${typeName(have.type as DataType)} in an earlier file but ${typeName(f.type as DataType)} in ${file}; stacked as ${typeName(type)}.`,
        );
        fields.set(f.name, new Field(f.name, type, true, have.metadata));
      }
    }
  }
  const ordered = [...fields.values()].map((f) =>
    seen.get(f.name) === files.length ? f : nullable(f),
  );
  const head = ordered.filter((f) => !last.includes(f.name));
  const tail = last.flatMap((n) => ordered.filter((f) => f.name === n));
  const meta = files[0]?.schema.metadata ?? new Map<string, string>();
  return { schema: new Schema([...head, ...tail], meta), notes, units };
}

/** `batch` (of one stacked file) laid out as the stacked `schema`. */
export function conformBatch(batch: RecordBatch, schema: Schema): RecordBatch {
  const children = schema.fields.map((f) => {
    const at = batch.schema.fields.findIndex((b) => b.name === f.name);
    const data = at >= 0 ? batch.data.children[at] : undefined;
    return data === undefined
      ? nullData(f.type as DataType, batch.numRows)
      : convertData(data, f.type as DataType);
  });
  return batchFromColumns(schema, children, batch.numRows);
}
