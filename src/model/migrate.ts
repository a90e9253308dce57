/**
 * Pipeline format migrations: a pipeline file is never silently reinterpreted, so each format
 * version N < current has exactly one migration N -> N+1, applied in order on load.
 */
import type { PetroflowError } from './errors.ts';
import { petroflowError } from './errors.ts';
import { CURRENT_FORMAT_VERSION } from './pipeline.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';

/** One step from format version `from` to `from + 1`; gets a private copy it may change. */
export interface FormatMigration {
  readonly from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

/** Migrations by the version they start from. Empty today: version 1 is the first released format. */
export const PIPELINE_MIGRATIONS: Readonly<Record<number, FormatMigration>> = {};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Brings a raw pipeline document to the current format version (a copy; the input is untouched).
 * Refuses a version newer than this build (PIPELINE_FORMAT_TOO_NEW) and one with no migration path.
 * A document without a usable `formatVersion` is returned as is, for the schema check to report.
 */
export function migratePipeline(
  raw: unknown,
  migrations: Readonly<Record<number, FormatMigration>> = PIPELINE_MIGRATIONS,
  current: number = CURRENT_FORMAT_VERSION,
): Result<unknown, PetroflowError> {
  if (!isRecord(raw)) return ok(raw);
  const v = raw.formatVersion;
  if (typeof v !== 'number' || !Number.isInteger(v)) return ok(raw);
  if (v > current) {
    return err(
      petroflowError(
        'PIPELINE_FORMAT_TOO_NEW',
        `formatVersion: this pipeline was made by a newer Petroflow (format version ${v}; this build reads up to ${current}); update the app to open it.`,
        { field: 'formatVersion' },
      ),
    );
  }
  let doc: Record<string, unknown> = raw;
  for (let from = v; from < current; from++) {
    const m = Object.prototype.hasOwnProperty.call(migrations, from) ? migrations[from] : undefined;
    if (!m) {
      return err(
        petroflowError(
          'PIPELINE_INVALID',
          `formatVersion: format version ${from} cannot be read (no migration from version ${from} to ${from + 1}); the oldest readable version is ${oldest(migrations, current)}.`,
          { field: 'formatVersion' },
        ),
      );
    }
    try {
      doc = { ...m.migrate(structuredClone(doc)), formatVersion: from + 1 };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return err(
        petroflowError(
          'PIPELINE_INVALID',
          `formatVersion: migrating from format version ${from} to ${from + 1} failed: ${why}`,
          {
            field: 'formatVersion',
          },
        ),
      );
    }
  }
  return ok(doc);
}

function oldest(migrations: Readonly<Record<number, FormatMigration>>, current: number): number {
  let v = current;
  while (Object.prototype.hasOwnProperty.call(migrations, v - 1)) v--;
  return v;
}
