/** The LAS reader and writer: what other parts of Petroflow import from `src/formats/las`. */
export { openLas, readLasTable, DEFAULT_BATCH_SIZE } from './reader.ts';
export type { LasReader } from './reader.ts';
export { WELL_COLUMN } from './arrow.ts';
export { formatLasWarning } from './warnings.ts';
export type {
  LasCurveInfo,
  LasDataSet,
  LasDelimiter,
  LasExtraSection,
  LasHeaderItem,
  LasInfo,
  LasReadError,
  LasReadOptions,
  LasWarning,
} from './types.ts';
export { summarizeLas } from './summary.ts';
export type { LasSummary, LasCurveSummary } from './summary.ts';
export { writeLas } from './writer.ts';
export type { LasWriteOptions } from './writer.ts';
