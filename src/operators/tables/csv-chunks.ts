/**
 * Cuts a CSV file read by ranges into record-aligned chunks of at least `chunkBytes` (except the
 * last): a chunk ends after a line break outside quotes, so a quoted field holding line breaks is
 * never split. Quote state is carried across ranges and every byte is scanned once (linear time,
 * even for a record far longer than a chunk). LF, CRLF and lone CR all end records.
 */
import type { RangedFile } from '../types.ts';

/** One record-aligned piece of the file. */
export interface CsvChunk {
  readonly bytes: Uint8Array;
  /** 0 for the first chunk. */
  readonly index: number;
  /** Records (line breaks outside quotes) before this chunk. */
  readonly recordsBefore: number;
  /** Physical lines (every line break) before this chunk. */
  readonly linesBefore: number;
}

const LF = 10;
const CR = 13;

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === length) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    const n = Math.min(p.length, length - at);
    out.set(n === p.length ? p : p.subarray(0, n), at);
    at += n;
  }
  return out;
}

/** Scans bytes for record ends with RFC 4180 quoting (quote and escape may be changed once). */
export class CsvChunker {
  private quote = 0x22;
  private escape = 0x22;
  private inQuote = false;
  private escaped = false;
  private crPending = false;
  /** A CR was the last byte seen (counted as a line break unless an LF follows). */
  private lineCr = false;
  /** Unemitted bytes, scanned up to `scanned` (an offset into their concatenation). */
  private parts: Uint8Array[] = [];
  private pendingBytes = 0;
  private scanned = 0;
  private records = 0;
  private lines = 0;
  /** End of the last complete record in the pending bytes, with the counts at that point. */
  private cut = { at: 0, records: 0, lines: 0 };
  private emitted = { records: 0, lines: 0, index: 0 };

  /**
   * @param minFirstRecords records the first chunk holds at least (when the file has them), so
   *   the sniffer sees as many rows as it would in the whole file
   * @param head the file's first bytes when already read (at most `chunkBytes`)
   */
  constructor(
    private readonly file: RangedFile,
    private readonly chunkBytes: number,
    private readonly head?: Uint8Array,
    private readonly minFirstRecords = 0,
  ) {}

  private needsMore(): boolean {
    if (this.cut.at === 0 || this.pendingBytes < this.chunkBytes) return true;
    return this.emitted.index === 0 && this.cut.records < this.minFirstRecords;
  }

  /**
   * Uses another quote/escape character from now on (-1: none), e.g. the dialect the sniffer
   * found in the first chunk; the pending bytes are scanned again (they start at a record end).
   */
  setQuoting(quote: number, escape: number): void {
    if (quote === this.quote && escape === this.escape) return;
    this.quote = quote;
    this.escape = escape;
    this.inQuote = this.escaped = this.crPending = this.lineCr = false;
    this.records = this.emitted.records;
    this.lines = this.emitted.lines;
    this.scanned = 0;
    this.cut = { at: 0, records: this.records, lines: this.lines };
    this.scanPending();
  }

  private scanFrom(part: Uint8Array, base: number): void {
    const { quote, escape } = this;
    for (let i = Math.max(0, this.scanned - base); i < part.length; i++) {
      const c = part[i]!;
      if (c === LF || (this.lineCr && c !== LF)) this.lines++;
      this.lineCr = c === CR;
      if (this.inQuote) {
        if (this.escaped) this.escaped = false;
        else if (c === escape && escape !== quote) this.escaped = true;
        else if (c === quote) this.inQuote = false;
        continue;
      }
      if (this.crPending) {
        this.crPending = false;
        if (c !== LF) this.mark(base + i);
      }
      if (c === quote) this.inQuote = true;
      else if (c === LF) this.mark(base + i + 1);
      else if (c === CR) this.crPending = true;
    }
    this.scanned = base + part.length;
  }

  private mark(at: number): void {
    this.records++;
    this.cut = { at, records: this.records, lines: this.lines };
  }

  private scanPending(): void {
    let base = 0;
    for (const p of this.parts) {
      if (base + p.length > this.scanned) this.scanFrom(p, base);
      base += p.length;
    }
  }

  private take(length: number, end: { records: number; lines: number }): CsvChunk {
    const bytes = concat(this.parts, length);
    const chunk: CsvChunk = {
      bytes,
      index: this.emitted.index,
      recordsBefore: this.emitted.records,
      linesBefore: this.emitted.lines,
    };
    const rest: Uint8Array[] = [];
    let base = 0;
    for (const p of this.parts) {
      if (base + p.length > length) rest.push(base >= length ? p : p.subarray(length - base));
      base += p.length;
    }
    this.parts = rest;
    this.pendingBytes -= length;
    this.scanned -= length;
    this.cut = { at: 0, records: end.records, lines: end.lines };
    this.emitted = { records: end.records, lines: end.lines, index: this.emitted.index + 1 };
    return chunk;
  }

  /** The chunks of the file, in order. */
  async *chunks(): AsyncGenerator<CsvChunk> {
    let offset = 0;
    let eof = false;
    while (!eof || this.pendingBytes > 0) {
      while (!eof && this.needsMore()) {
        const want = this.chunkBytes;
        const piece = offset === 0 && this.head ? this.head : await this.file.read(offset, want);
        offset += piece.length;
        if (piece.length < want) eof = true;
        if (piece.length > 0) {
          this.parts.push(piece);
          this.pendingBytes += piece.length;
        }
        this.scanPending();
      }
      if (this.pendingBytes === 0) return;
      if (eof && this.cut.at < this.pendingBytes) {
        const lastLines = this.lines + (this.lineCr || !this.endsWithBreak() ? 1 : 0);
        yield this.take(this.pendingBytes, { records: this.records + 1, lines: lastLines });
      } else {
        yield this.take(this.cut.at, this.cut);
      }
      this.scanPending();
    }
  }

  private endsWithBreak(): boolean {
    const last = this.parts[this.parts.length - 1];
    const c = last?.[last.length - 1];
    return c === LF || c === CR;
  }
}
