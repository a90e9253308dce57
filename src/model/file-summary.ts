/** What the file library shows about an added file: shared by the readers (formats), storage and the editor. */

/** What the file library knows about one LAS curve or CSV column. */
export interface ColumnInfo {
  readonly name: string;
  readonly unit: string;
}

/** Summary shown in the file list, computed once when the file is added. */
export interface FileSummary {
  readonly kind: 'las' | 'csv';
  readonly columns: readonly ColumnInfo[];
  readonly rows: number;
  /** Depth range of the index (LAS), when known. */
  readonly depth?: { readonly min: number; readonly max: number; readonly unit: string };
  readonly wells: readonly string[];
  /** The reader's error when the file cannot be read (with its 1-based line, when known). */
  readonly error?: { readonly message: string; readonly line?: number };
  readonly warnings: readonly string[];
}
