/** The LAS reader: header parsed eagerly, data streamed as Arrow record batches. */
import { Table, type RecordBatch, type Schema } from 'apache-arrow';
import { err, ok, type Result } from '../../model/result.ts';
import { PetroflowException, petroflowError } from '../../model/errors.ts';
import { lasSchema, toRecordBatch } from './arrow.ts';
import { DataParser, type BatchColumns, type DataSettings } from './data.ts';
import { notLasReason } from './binary.ts';
import { decodeLasBytes } from './encoding.ts';
import { IndexCheck } from './indexCheck.ts';
import { blankNbsp } from './nbsp.ts';
import { buildHeader, type DataPart } from './header.ts';
import { dataWidth, mainLayout } from './layout.ts';
import { sampleData, settleCurves } from './sample.ts';
import { scanSections } from './sections.ts';
import type { LasDataSet, LasInfo, LasReadError, LasReadOptions, LasWarning } from './types.ts';
import { WarningSink, capWarnings } from './warnings.ts';

/** Default rows per record batch. */
export const DEFAULT_BATCH_SIZE = 65_536;

/** Columns of a table at most: more is not a well log (and would not fit an Arrow schema well). */
export const MAX_CURVES = 10_000;

/** An opened LAS file: `info`/`schema` are known; `batches()` parses the data lazily. */
export interface LasReader {
  readonly info: LasInfo;
  readonly schema: Schema;
  /** Header warnings at once; data warnings are appended while `batches()` runs. */
  readonly warnings: LasWarning[];
  batches(): Generator<RecordBatch, void, void>;
}

type Decoder = (s: number, e: number) => string;

function tooWide(file: string, section: { line: number }, n: number): LasReadError {
  return {
    file,
    line: section.line,
    message: `${n} curves (columns) declared or found on the first data line; at most ${MAX_CURVES} are read. Check the ~Curve section and the data delimiter`,
  };
}

function rowsOf(cols: BatchColumns): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (let r = 0; r < cols.length; r++) {
    rows.push(
      cols.nums.map((n, c) => {
        const bm = cols.validity[c];
        if (bm && (bm[r >> 3]! & (1 << (r & 7))) === 0) return null;
        return n ? n[r]! : (cols.texts[c]?.[r] ?? null);
      }),
    );
  }
  return rows;
}

function readDataSet(
  part: DataPart,
  b: Uint8Array,
  decode: Decoder,
  settings: DataSettings,
  sink: WarningSink,
): LasDataSet {
  const { section } = part;
  const sample = sampleData(
    b,
    decode,
    section.start,
    section.end,
    settings.delimiter,
    settings.nullValue,
    settings.wrapped ? part.curves.length : 0,
  );
  const n = dataWidth(part.curves.length, sample, settings.wrapped);
  if (n > MAX_CURVES)
    throw new PetroflowException(
      petroflowError('LAS_READ', tooWide('', section, n).message, { line: section.line }),
    );
  const { curves } = settleCurves(part.curves, sample, settings.wrapped, section.firstLine, []);
  const parser = new DataParser(
    b,
    decode,
    section.start,
    section.end,
    section.firstLine,
    curves,
    settings,
    sink,
  );
  const rows: (string | number | null)[][] = [];
  for (let cols = parser.next(4096); cols; cols = parser.next(4096)) rows.push(...rowsOf(cols));
  return { title: section.title, line: section.line, curves, rows };
}

/** Opens a LAS file held in memory. Fails with `{ file, line, message }` when it cannot be read. */
export function openLas(
  bytes: Uint8Array,
  options: LasReadOptions,
): Result<LasReader, LasReadError> {
  const file = options.fileName;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const binary = notLasReason(bytes);
  if (binary !== null) return err({ file, line: 1, message: binary });
  const decoded = decodeLasBytes(bytes);
  const { encoding, decode } = decoded;
  const scan = scanSections(decoded.bytes, decode);
  const warnings: LasWarning[] = [...scan.warnings];
  if (scan.sections.length === 0)
    return err({
      file,
      line: 1,
      message:
        'no ~ section found: this is not a LAS file (a LAS file starts with ~VERSION INFORMATION)',
    });
  const built = buildHeader(scan.sections, file, warnings);
  if (!built.ok) return built;
  const h = built.value;
  const main = h.main;
  // Same byte offsets; `decode` still reads the original bytes (a quoted value keeps its NBSP).
  const b =
    h.delimiter === 'SPACE'
      ? blankNbsp(
          decoded.bytes,
          encoding,
          scan.sections.filter((s) => s.role === 'data'),
          warnings,
        )
      : decoded.bytes;
  let wrapped = h.wrapped;
  let delimiter = h.delimiter;
  let curves = h.curves;
  if (main) {
    const layout = mainLayout(b, decode, h, main, warnings, MAX_CURVES);
    if (layout.width > MAX_CURVES) return err(tooWide(file, main.section, layout.width));
    ({ wrapped, delimiter, curves } = layout);
  }
  if (curves.length === 0 && main && main.section.end > main.section.start)
    return err({
      file,
      line: main.section.line,
      message: 'the data section has no curves declared and no values; add a ~Curve section',
    });
  const settings: DataSettings = { delimiter, wrapped, nullValue: h.nullValue };
  capWarnings(warnings);
  const sink = new WarningSink(warnings);
  let dataSets: LasDataSet[];
  try {
    const setSettings = { ...settings, delimiter: h.delimiter, wrapped: h.wrapped };
    dataSets = h.dataSets.map((d) => readDataSet(d, b, decode, setSettings, sink));
  } catch (e) {
    if (!(e instanceof PetroflowException)) throw e;
    return err({ file, line: e.detail.line ?? 1, message: e.detail.message });
  }
  sink.finish();
  const info: LasInfo = {
    file,
    version: h.version,
    wrapped,
    delimiter,
    nullValue: h.nullValue,
    encoding,
    versionItems: h.versionItems,
    well: h.well,
    params: h.params,
    other: h.other,
    extraSections: h.extraSections,
    dataSets,
    curves,
    wellName: h.wellName,
    dataLine: main ? main.section.line : null,
  };
  const schema = lasSchema(curves, { ...h, file });
  function* batches(): Generator<RecordBatch, void, void> {
    if (!main || curves.length === 0) return;
    const s = main.section;
    const dataSink = new WarningSink(warnings);
    const parser = new DataParser(
      b,
      decode,
      s.start,
      s.end,
      s.firstLine,
      curves,
      settings,
      dataSink,
    );
    const check = new IndexCheck(h.declared, curves[0]!.mnemonic);
    try {
      for (let cols = parser.next(batchSize); cols; cols = parser.next(batchSize)) {
        check.add(cols);
        yield toRecordBatch(schema, cols, h.wellName);
      }
      warnings.push(...check.finish());
    } catch (e) {
      if (e instanceof PetroflowException)
        throw new PetroflowException({ ...e.detail, file: e.detail.file ?? file });
      const message = `could not read the data section: ${e instanceof Error ? e.message : String(e)}`;
      throw new PetroflowException(petroflowError('LAS_READ', message, { file, line: s.line }));
    } finally {
      dataSink.finish();
    }
  }
  return ok({ info, schema, warnings, batches });
}

/** Reads a whole LAS file into one Arrow table (convenience for small files and tests). */
export function readLasTable(
  bytes: Uint8Array,
  options: LasReadOptions,
): Result<{ info: LasInfo; table: Table; warnings: LasWarning[] }, LasReadError> {
  const opened = openLas(bytes, options);
  if (!opened.ok) return opened;
  const r = opened.value;
  const list = [...r.batches()];
  const table = list.length > 0 ? new Table(list) : new Table(r.schema);
  return ok({ info: r.info, table, warnings: r.warnings });
}
