/** Table writers for `petroflow run` and exports: one place that maps a format to bytes and names. */
import type { Table } from 'apache-arrow';
import { tableToArrowFile } from './arrow.ts';
import { tableToCsv } from './csv.ts';
import { tableToParquet } from './parquet.ts';
import { tableToLasFiles } from './las.ts';

/** Output formats of `petroflow run --format`. */
export const OUTPUT_FORMATS = ['csv', 'parquet', 'arrow', 'las'] as const;

/** One output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** True when `s` names an output format. */
export function isOutputFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}

/** A file to write: a name relative to the output directory and its content. */
export interface OutputFile {
  readonly name: string;
  readonly content: Uint8Array | string;
}

/** The files for one node's table (`<base>.<ext>`; LAS may give one file per well). */
export function encodeTable(base: string, table: Table, format: OutputFormat): OutputFile[] {
  switch (format) {
    case 'csv':
      return [{ name: `${base}.csv`, content: tableToCsv(table) }];
    case 'parquet':
      return [{ name: `${base}.parquet`, content: tableToParquet(table) }];
    case 'arrow':
      return [{ name: `${base}.arrow`, content: tableToArrowFile(table) }];
    case 'las':
      return tableToLasFiles(base, table);
  }
}

export { tableToCsv, csvField } from './csv.ts';
export { tableToParquet } from './parquet.ts';
export { tableToArrowFile } from './arrow.ts';
export { tableToLasFiles } from './las.ts';
