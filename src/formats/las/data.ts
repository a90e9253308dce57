/**
 * The data section parser: reads rows from bytes into preallocated columns, one batch at a time
 * (Float64Array + validity bitmap for numbers, string arrays for text). Line numbers are tracked
 * for every warning.
 */
import { afterBreak } from './lines.ts';
import { commaDecimal, parseNumberBytes, parseNumberText, unicodeMinus } from './number.ts';
import { isNullSpelling } from './nulls.ts';
import { Tokens, delimiterByte, isQuoted, tokenizeLine, unescapeQuotes } from './tokens.ts';
import { parseSpaceRows, type FastTarget } from './fastSpace.ts';
import { FusedValues, splitRunOn } from './runOn.ts';
import type { LasCurveInfo, LasDelimiter } from './types.ts';
import type { WarningSink } from './warnings.ts';
import { PetroflowException, petroflowError } from '../../model/errors.ts';

/**
 * Values (rows x columns) allocated per batch at most, whatever `batchSize` says: a file with
 * 50 000 curves must not allocate 65 536 rows of each (26 GB) before reading a line.
 */
export const BATCH_CELLS = 1 << 22;

/**
 * Short rows are filled with nulls; this many null fills per byte of the data section (plus a
 * constant) at most, so a few thousand curves and a million one-value lines cannot expand a 2 MB
 * file into tens of GB. Beyond it the file is rejected at the offending line.
 */
export const PADDING_PER_BYTE = 4;

/** Columns of one batch; `nums[c]` is set for numeric columns, `texts[c]` for text columns. */
export interface BatchColumns {
  readonly length: number;
  readonly nums: (Float64Array | null)[];
  readonly texts: ((string | null)[] | null)[];
  /** Validity bitmaps (bit set = value present); null when the column has no null in the batch. */
  readonly validity: (Uint8Array | null)[];
  readonly nullCounts: number[];
}

/** Settings of a data section. */
export interface DataSettings {
  readonly delimiter: LasDelimiter;
  readonly wrapped: boolean;
  readonly nullValue: number | null;
}

/** Incremental reader of one data section `b[start, end)`. */
export class DataParser implements FastTarget {
  /** Byte position and line number of the next line to read (FastTarget). */
  pos: number;
  line: number;
  readonly nCols: number;
  readonly nullNumber: number;
  private readonly dlm: number;
  private readonly isNum: boolean[];
  private readonly tok = new Tokens();
  /** Quote search memory of the hot path (FastTarget). */
  readonly quotes = this.tok.quotes;
  private readonly seen = new Set<string>();
  // Current batch
  nums: (Float64Array | null)[] = [];
  private texts: ((string | null)[] | null)[] = [];
  private bitmaps: (Uint8Array | null)[] = [];
  private nulls: number[] = [];
  /** Null fills of short rows so far, and the most allowed (see PADDING_PER_BYTE). */
  private padded = 0;
  private readonly fused: FusedValues;
  private readonly padLimit: number;
  /** Tokens of the line at `pos` already read (a batch filled inside a wrapped line), its end. */
  private skip = 0;
  private skipEnd = 0;
  /** Rows of the batches before this one. */
  private records = 0;

  constructor(
    readonly b: Uint8Array,
    private readonly decode: (s: number, e: number) => string,
    start: number,
    readonly end: number,
    firstLine: number,
    private readonly curves: readonly LasCurveInfo[],
    private readonly settings: DataSettings,
    private readonly warn: WarningSink,
  ) {
    this.pos = start;
    this.line = firstLine;
    this.dlm = delimiterByte(settings.delimiter);
    this.nCols = curves.length;
    this.fused = new FusedValues(this.nCols);
    this.nullNumber = settings.nullValue ?? NaN;
    this.isNum = curves.map((c) => c.kind === 'number');
    this.padLimit = PADDING_PER_BYTE * (end - start) + (1 << 24);
  }

  /** True when the whole section has been read. */
  get done(): boolean {
    return this.pos >= this.end;
  }

  private startBatch(size: number): void {
    this.nums = this.isNum.map((n) => (n ? new Float64Array(size) : null));
    this.texts = this.isNum.map((n) => (n ? null : new Array<string | null>(size).fill(null)));
    this.bitmaps = this.isNum.map(() => new Uint8Array((size + 7) >> 3).fill(0xff));
    this.nulls = this.isNum.map(() => 0);
  }

  /** Marks a value missing (FastTarget). */
  setNull(col: number, row: number): void {
    this.bitmaps[col]![row >> 3]! &= ~(1 << (row & 7));
    this.nulls[col]!++;
  }

  /** Warns once per `key`; `kind` groups keys under one cap (WarningSink), defaulting to `key`. */
  private onceWarn(key: string, line: number, message: string, kind = key): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.warn.add(kind, line, message);
  }

  /**
   * A numeric token that is not a plain number: run-on values, comma decimal mark, null spelling,
   * or bad. Returns the columns it fills (more than 1 for run-on values).
   */
  private badNumber(col: number, row: number, s: number, e: number): number {
    const cuts = this.dlm === 0 && !isQuoted(this.b, s, e) ? splitRunOn(this.b, s, e) : null;
    if (cuts) {
      const parts = cuts.length - 1;
      for (let k = 0; k < parts && col + k < this.nCols; k++)
        this.store(col + k, row, cuts[k]!, cuts[k + 1]!);
      this.onceWarn(
        `run-on:${col}`,
        this.line,
        `'${this.decode(s, e)}' in curve ${this.curves[col]!.mnemonic} read as ${parts} values (numbers written without a blank between them; later ones in this curve not listed)`,
        'run-on',
      );
      return parts;
    }
    const fused = this.fusedNulls(col, row, s, e);
    if (fused > 0) return fused;
    const text = this.decode(s, e);
    const name = this.curves[col]!.mnemonic;
    const minus = unicodeMinus(text);
    if (!Number.isNaN(minus)) {
      this.onceWarn('minus', this.line, `'${text}' read as ${minus} (Unicode minus sign U+2212)`);
      if (minus === this.settings.nullValue && col !== 0) this.setNull(col, row);
      else this.nums[col]![row] = minus;
      return 1;
    }
    if (this.dlm !== 44) {
      const v = commaDecimal(text);
      if (!Number.isNaN(v)) {
        this.onceWarn('comma', this.line, `'${text}' read as ${v} (comma as decimal mark)`);
        if (v === this.settings.nullValue && col !== 0) this.setNull(col, row);
        else this.nums[col]![row] = v;
        return 1;
      }
    }
    this.setNull(col, row);
    if (isNullSpelling(text)) {
      this.onceWarn(
        `null:${col}:${text}`,
        this.line,
        `'${text}' in curve ${name} read as null (later ones in this curve not listed)`,
        'null spelling',
      );
    } else
      this.warn.add(
        'bad number',
        this.line,
        `'${text}' in curve ${name} is not a number; read as null`,
      );
    return 1;
  }

  /** Fused values (`1234.5671234.567`) on a short line: one null per value (see FusedValues). */
  private fusedNulls(col: number, row: number, s: number, e: number): number {
    if (this.dlm !== 0 || this.settings.wrapped || isQuoted(this.b, s, e)) return 0;
    const n = this.fused.count(this.b, s, e, this.end, this.line, this.nCols - col);
    for (let k = 0; k < n; k++) this.setNull(col + k, row);
    if (n > 0)
      this.warn.add(
        'fused',
        this.line,
        `'${this.decode(s, e)}' in curve ${this.curves[col]!.mnemonic} holds ${n} values run together (several decimal points, no blank between them); read as ${n} nulls so later values keep their curves`,
      );
    return n;
  }

  /**
   * Stores one token by the general rules (FastTarget); returns the columns it filled: 1, or more
   * for run-on values (`1.5-999.25`, see runOn.ts).
   */
  store(col: number, row: number, s: number, e: number): number {
    if (s === e) {
      this.setNull(col, row);
      return 1;
    }
    const nums = this.nums[col];
    if (nums) {
      const v = parseNumberBytes(this.b, s, e);
      if (v !== v) return this.badNumber(col, row, s, e);
      else if (v === this.settings.nullValue) {
        if (col === 0) {
          nums[row] = v;
          this.onceWarn(
            'index null',
            this.line,
            `index value ${v} equals NULL; kept as a number (the index is never null)`,
          );
        } else this.setNull(col, row);
      } else nums[row] = v;
      return 1;
    }
    const raw = this.decode(s, e);
    const text = this.dlm === 0 ? raw : unescapeQuotes(this.b, s, e, raw);
    const nullValue = this.settings.nullValue;
    if (nullValue !== null && !isQuoted(this.b, s, e) && parseNumberText(text) === nullValue)
      this.setNull(col, row);
    else this.texts[col]![row] = text;
    return 1;
  }

  /** Warns about a row with too few or too many values (FastTarget). */
  finishRow(row: number, count: number, line: number): void {
    const n = this.nCols;
    if (count < n) {
      this.padded += n - count;
      if (this.padded > this.padLimit) this.tooShort(line);
      for (let c = count; c < n; c++) this.setNull(c, row);
      this.warn.add(
        'short row',
        line,
        `${count} values where ${n} curves were declared; missing values read as null`,
      );
    } else if (count > n) {
      this.warn.add(
        'long row',
        line,
        `${count} values where ${n} curves were declared; extra values ignored`,
      );
    }
  }

  private tooShort(line: number): never {
    throw new PetroflowException(
      petroflowError(
        'LAS_READ',
        `the rows up to line ${line} have far fewer values than the ${this.nCols} curves declared ` +
          `(more than ${PADDING_PER_BYTE} missing values per byte of data); check WRAP in ~Version ` +
          'and the ~Curve section, which must list one curve per column',
        { line },
      ),
    );
  }

  /** Reads up to `max` rows; null when nothing is left. */
  next(limit: number): BatchColumns | null {
    if (this.pos >= this.end) return null;
    // A row takes at least one line of at least two bytes: never allocate more rows than that.
    const size = Math.max(
      1,
      Math.min(limit, ((this.end - this.pos + 1) >> 1) + 1, Math.floor(BATCH_CELLS / this.nCols)),
    );
    this.startBatch(size);
    if (this.dlm === 0 && !this.settings.wrapped) {
      const rows = parseSpaceRows(this, size);
      return rows === 0 ? null : this.result(rows);
    }
    const { b, end, tok, nCols, dlm } = this;
    const wrapped = this.settings.wrapped;
    let row = 0;
    let col = 0;
    let rowLine = this.line;
    while (this.pos < end && (row < size || col > 0)) {
      // Resuming inside a line: its tokens are still in `tok` (nothing else tokenizes), so a long
      // line of wrapped records is tokenized once, not once per batch.
      const e = this.skip > 0 ? this.skipEnd : tokenizeLine(b, this.pos, end, dlm, tok);
      const n = tok.count;
      const starts = tok.starts;
      const ends = tok.ends;
      let t = this.skip;
      this.skip = 0;
      // Wrapped data is one stream of values cut into records of nCols (as lasio reshapes it),
      // so a record may end inside a line and the next one start there.
      for (; t < n; t++) {
        if (col === 0) {
          if (row >= size) break;
          rowLine = this.line;
        }
        col += col < nCols ? this.store(col, row, starts[t]!, ends[t]!) : 1;
        if (wrapped && col >= nCols) {
          this.finishRow(row, col, rowLine);
          row++;
          col = 0;
        }
      }
      if (t < n) {
        // The batch is full inside a line: the next batch goes on from token t.
        this.skip = t;
        this.skipEnd = e;
        break;
      }
      if (n > 0 && !wrapped) {
        this.finishRow(row, col, rowLine);
        row++;
        col = 0;
      }
      this.pos = afterBreak(b, e, end);
      this.line++;
    }
    if (col > 0) {
      this.lastRecord(row, col, rowLine);
      row++;
    }
    this.records += row;
    if (row === 0) return null;
    return this.result(row);
  }

  /** A wrapped section whose values do not divide into records: the last one is padded. */
  private lastRecord(row: number, count: number, line: number): void {
    for (let c = count; c < this.nCols; c++) this.setNull(c, row);
    const total = (this.records + row) * this.nCols + count;
    this.warn.add(
      'wrap end',
      line,
      `the wrapped data holds ${total} values, not a multiple of the ${this.nCols} curves: the last record (from this line) has ${count}; its missing values read as null (check WRAP and the ~Curve section)`,
    );
  }

  private result(length: number): BatchColumns {
    const validity = this.bitmaps.map((bm, c) => (this.nulls[c] === 0 ? null : bm));
    return {
      length,
      nums: this.nums.map((a) => (a === null || a.length === length ? a : a.subarray(0, length))),
      texts: this.texts.map((a) => (a === null || a.length === length ? a : a.slice(0, length))),
      validity,
      nullCounts: this.nulls,
    };
  }
}
