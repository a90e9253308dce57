/** Public types of the LAS reader and writer (src/formats/las). */

/** How values in the data section are separated (LAS 3.0 `DLM`; SPACE for older files). */
export type LasDelimiter = 'SPACE' | 'TAB' | 'COMMA';

/** One header line `MNEM.UNIT VALUE : DESCRIPTION`; `value` is a number only when it reads as one exactly. */
export interface LasHeaderItem {
  readonly mnemonic: string;
  readonly unit: string;
  readonly value: string | number;
  readonly description: string;
}

/** A curve (column) of a data section, as declared in ~Curve / ~..._Definition. */
export interface LasCurveInfo {
  /** Unique column name: the mnemonic as written, `UNKNOWN` when empty, `:2`, `:3`... for repeats. */
  readonly mnemonic: string;
  /** The mnemonic exactly as the file writes it (may be empty or repeated). */
  readonly originalMnemonic: string;
  readonly unit: string;
  readonly description: string;
  /** `text` when the curve's values are not numbers (it becomes a Utf8 column). */
  readonly kind: 'number' | 'text';
  /** Line of the curve's definition. */
  readonly line: number;
}

/** A header section other than ~V/~W/~C/~P/~O (LAS 3.0 `_Parameter`/`_Definition`, unknown sections). */
export interface LasExtraSection {
  /** The title without `~`, e.g. `Core_Definition`. */
  readonly title: string;
  readonly line: number;
  readonly items: readonly LasHeaderItem[];
}

/** A LAS 3.0 data set other than the main log data (cores, tops, tests...), small enough to hold. */
export interface LasDataSet {
  /** The data section title without `~`, e.g. `Core_Data[1] | Core_Definition`. */
  readonly title: string;
  readonly line: number;
  readonly curves: readonly LasCurveInfo[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** Everything the header says, parsed and validated before any data is read. */
export interface LasInfo {
  readonly file: string;
  /** 1.2, 2.0, 3.0... (2.0 assumed, with a warning, when ~V has no VERS). */
  readonly version: number;
  readonly wrapped: boolean;
  readonly delimiter: LasDelimiter;
  /** The ~W NULL value, or null when the file declares none. */
  readonly nullValue: number | null;
  /** `ascii`, `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252`. */
  readonly encoding: string;
  readonly versionItems: readonly LasHeaderItem[];
  readonly well: readonly LasHeaderItem[];
  readonly params: readonly LasHeaderItem[];
  /** Free text of ~Other. */
  readonly other: string;
  readonly extraSections: readonly LasExtraSection[];
  readonly dataSets: readonly LasDataSet[];
  readonly curves: readonly LasCurveInfo[];
  /** The ~W WELL value, or the file name without extension where that is empty. */
  readonly wellName: string;
  /** First line of the main data section (its title line), or null when the file has none. */
  readonly dataLine: number | null;
}

/** A fatal reading problem: what is wrong and what to do, with the 1-based line. */
export interface LasReadError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Something read with doubt; shown to users as `line N: message` (see `formatLasWarning`). */
export interface LasWarning {
  readonly line: number;
  readonly message: string;
}

/** Options of `openLas` / `readLasTable`. */
export interface LasReadOptions {
  /** Name used in errors, for `las.file` and as the well name fallback. */
  readonly fileName: string;
  /** Rows per record batch (default 65 536). */
  readonly batchSize?: number;
}
