/**
 * The operator contract shared by the registry, the engine (in a worker or in-process), the editor
 * and the docs generator. Operators are pure functions over Arrow; they never touch DuckDB, files or
 * workers directly: the engine hands them a `RunContext`.
 */
import type { RecordBatch, Schema, Table } from 'apache-arrow';
import type { PetroflowError } from '../model/errors.ts';
import type { Result } from '../model/result.ts';
import type { ParamsDefinition } from './params.ts';

/** Release channel of an operator version; users follow `stable` unless they choose otherwise. */
export type Channel = 'stable' | 'beta' | 'canary';

/** A named input or output port. */
export interface PortSpec {
  readonly name: string;
  readonly description: string;
}

/** An input file as the engine resolves it for a source operator. */
export interface InputFile {
  /** The file's name as the user sees it (base name, e.g. `well-1.las`). */
  readonly name: string;
  /** Content bytes. */
  readonly bytes: Uint8Array;
}

/** A bound file read by byte ranges (large inputs are streamed, never held whole). */
export interface RangedFile {
  /**
   * Up to `length` bytes from `offset`; fewer only at the end of the file (empty past it), so a
   * short read means "end of file".
   */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Access to the files bound to a run (by name, or by a glob such as `*.las`). */
export interface FileAccess {
  /** Names of bound files matching a name or glob, sorted; empty when none match. */
  match(pattern: string): readonly string[];
  /** Reads one bound file by exact name. */
  read(name: string): Promise<InputFile>;
  /**
   * Opens one bound file for ranged reads, when the host can (see `openRanged` in
   * src/operators/file-range.ts for hosts that serve ranges through `read` instead).
   */
  open?(name: string): Promise<RangedFile>;
}

/**
 * A part of a CSV file read in chunks (`SqlEngine.readCsv` with `stream`): the first part is
 * sniffed as a whole file would be and reports its dialect in the schema metadata `csv.stream`
 * (`CsvDialect` JSON); every later part is read with that dialect and those columns.
 */
export type CsvStreamPart =
  | { readonly part: 'first' }
  | {
      readonly part: 'next';
      readonly dialect: CsvDialect;
      /** Records of the file before this part (DuckDB's error lines count records). */
      readonly recordsBefore: number;
      /** Physical lines before this part (warnings about short/long rows name these). */
      readonly linesBefore: number;
    };

/** How a CSV file is to be read: the node's delimiter and header settings, and decimal separator. */
export interface CsvSettings {
  /** `auto` or one character. */
  readonly delimiter: string;
  readonly header: boolean;
  /** The decimal separator of numbers: `.` (the default) or `,` (then the delimiter is not `,`). */
  readonly decimal?: '.' | ',';
}

/** How the first part of a streamed CSV was read: applied unchanged to every later part. */
export interface CsvDialect {
  readonly delimiter: string;
  /** `,` when numbers are written with a decimal comma; absent for `.`. */
  readonly decimal?: ',';
  /** Quote character; empty when the sniffer found none. */
  readonly quote: string;
  /** Escape character; empty when the sniffer found none. */
  readonly escape: string;
  readonly comment: string;
  readonly dateFormat: string | null;
  readonly timestampFormat: string | null;
  /** Column names and DuckDB types, in order. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}

/** SQL over Arrow tables, provided by the worker's locked-down DuckDB. */
export interface SqlEngine {
  /** Runs `query` with each entry of `tables` visible as a table of that name; returns the result. */
  query(
    query: string,
    tables: Readonly<Record<string, Table>>,
    signal?: AbortSignal,
  ): Promise<Table>;
  /**
   * Reads CSV bytes with DuckDB's sniffer (delimiter `auto` or a single character); with `stream`,
   * one part of a file read in chunks (see `CsvStreamPart`).
   */
  readCsv(
    name: string,
    bytes: Uint8Array,
    options: CsvSettings & { stream?: CsvStreamPart },
  ): Promise<Table>;
}

/** What an operator may use while it runs. */
export interface RunContext {
  readonly nodeId: string;
  readonly signal: AbortSignal;
  readonly files: FileAccess;
  readonly sql: SqlEngine;
  /** Reports rows processed so far (drives the node's "running (n rows)" status). */
  progress(rows: number): void;
  /** Records a non-fatal problem shown on the node (e.g. a reader warning with its line). */
  warn(message: string): void;
}

/** Metadata common to every operator version. */
export interface OperatorMeta {
  readonly id: string;
  /** Semantic version, e.g. `1.0.0`. */
  readonly version: string;
  readonly channel: Channel;
  /** Short human title for the palette, e.g. "Shale volume". */
  readonly title: string;
  /** Palette group, e.g. "Sources", "Tables", "Petrophysics", "Summaries". */
  readonly category: string;
  /** What it does, in a sentence or two; includes the formula for petrophysics operators. */
  readonly description: string;
  /** Literature reference of the formula, when there is one. */
  readonly reference?: string;
}

/** A migration of parameters from the previous version of the same operator. */
export interface ParamMigration {
  /** The version migrated from. */
  readonly from: string;
  /** What changes for the user, shown before an upgrade is applied. */
  readonly changes: string;
  migrate(params: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

interface OperatorBase<P> extends OperatorMeta {
  readonly params: ParamsDefinition<P>;
  /** Input ports; a function for operators whose ports the user names (`sql`). */
  inputs(params: P): readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  readonly migration?: ParamMigration;
  /**
   * The output schema for given input schemas, or an error naming the parameter at fault (e.g. a
   * column that does not exist). Lets the editor offer columns and flag mistakes before a run.
   * Returns `undefined` when the schema cannot be known before running (e.g. SQL).
   */
  outputSchema(
    inputs: Readonly<Record<string, Schema>>,
    params: P,
  ): Result<Schema, PetroflowError> | undefined;
}

/** Produces batches from files (no inputs). */
export interface SourceOperator<P> extends OperatorBase<P> {
  readonly kind: 'source';
  read(params: P, ctx: RunContext): AsyncIterable<RecordBatch>;
}

/** Transforms each batch independently (all petrophysics formulas). */
export interface RowwiseOperator<P> extends OperatorBase<P> {
  readonly kind: 'rowwise';
  /**
   * Checks params against the input schema once, then returns the per-batch transform (which may
   * be async, e.g. when it evaluates an expression in the worker's DuckDB).
   */
  bind(
    schema: Schema,
    params: P,
    ctx: RunContext,
  ): Result<(batch: RecordBatch) => RecordBatch | Promise<RecordBatch>, PetroflowError>;
}

/** Needs all of its input before it can produce output (SQL, summaries, resampling). */
export interface BlockingOperator<P> extends OperatorBase<P> {
  readonly kind: 'blocking';
  run(inputs: Readonly<Record<string, Table>>, params: P, ctx: RunContext): Promise<Table>;
}

/** Any operator version. */
export type Operator<P = Record<string, unknown>> =
  SourceOperator<P> | RowwiseOperator<P> | BlockingOperator<P>;

/** An operator with its parameter type widened, as the registry stores it (methods are bivariant). */
export type AnyOperator = Operator<Readonly<Record<string, unknown>>>;
