/**
 * The index curves of stacked LAS files. Vendors name the depth index DEPT, DEPTH, MD...; stacked
 * by name, a later file's index would land in a column of its own and leave the first file's index
 * null on its rows. `source.las` 1.2.0 stacks every file's index under the first file's mnemonic
 * when that is safe; earlier versions (and unsafe cases) warn.
 */
import { Field, Schema, type RecordBatch } from 'apache-arrow';
import { batchFromColumns } from './arrow-util.ts';
import { metresPer } from './units.ts';

/** One file's name and the schema its reader gives (index curve first). */
export interface IndexedFile {
  readonly name: string;
  readonly schema: Schema;
}

/** What to do about the index names: the files to rename (file -> new index name) and what to tell. */
export interface IndexPlan {
  readonly renames: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

const unitOf = (f: Field): string => (f.metadata.get('unit') ?? '').trim();

/** Why a file's index cannot be stacked under `first`'s name, or undefined when it can. */
function whyNot(first: Field, file: IndexedFile): string | undefined {
  const index = file.schema.fields[0]!;
  if (file.schema.fields.some((f, i) => i > 0 && f.name === first.name))
    return `${file.name} also has a curve named ${first.name}`;
  const [a, b] = [unitOf(first), unitOf(index)];
  const same = a.toUpperCase() === b.toUpperCase();
  const lengths = metresPer(a) !== undefined && metresPer(b) !== undefined;
  if (!same && !lengths)
    return `their units differ (${a || 'none'} and ${b || 'none'}), so they may not measure the same thing`;
  return undefined;
}

function unstacked(first: { file: string; index: string }, name: string, index: string): string {
  return `${name}: the index curve is ${index}, not ${first.index} as in ${first.file}, so ${name}'s rows have no ${first.index} value in the stacked table; filter.depth, resample and zones.assign on ${first.index} drop them.`;
}

/**
 * The plan for stacked files whose index mnemonic differs from the first file's. With `unify`
 * (source.las 1.2.0) such an index is stacked under the first file's name unless that file also has
 * a curve of that name or the two units are neither equal nor both lengths (then a warning says
 * why); without it every difference is a warning.
 */
export function planIndexNames(files: readonly IndexedFile[], unify: boolean): IndexPlan {
  const renames = new Map<string, string>();
  const warnings: string[] = [];
  const head = files[0]?.schema.fields[0];
  if (!head) return { renames, warnings };
  const first = { file: files[0]!.name, index: head.name };
  for (const file of files.slice(1)) {
    const index = file.schema.fields[0]?.name;
    if (index === undefined || index === head.name) continue;
    const base = unstacked(first, file.name, index);
    if (!unify) {
      warnings.push(
        `${base} Upgrade source.las to 1.2.0 to stack every index under one name, give the index the same mnemonic in every file (e.g. rename ${index} to ${head.name} in the ~Curve section), or read ${file.name} separately.`,
      );
      continue;
    }
    const why = whyNot(head, file);
    if (why === undefined) {
      renames.set(file.name, head.name);
      warnings.push(
        `${file.name}: index curve ${index} stacked as ${head.name} (the index of ${first.file}).`,
      );
    } else
      warnings.push(
        `${base} It was not stacked as ${head.name}: ${why}. Rename one of them in the ~Curve section, or read ${file.name} separately.`,
      );
  }
  return { renames, warnings };
}

/** `schema` with its first field (the index) named `name`; its metadata is kept. */
export function renameIndex(schema: Schema, name: string): Schema {
  const fields = schema.fields.map((f, i) =>
    i === 0 ? new Field(name, f.type, f.nullable, f.metadata) : f,
  );
  return new Schema(fields, schema.metadata);
}

/** `batch` laid out as `schema` (the same columns, its index renamed): no data is copied. */
export function withSchema(batch: RecordBatch, schema: Schema): RecordBatch {
  return batchFromColumns(schema, batch.data.children, batch.numRows);
}
