import { describe, expect, it } from 'vitest';
import type { FormatMigration } from './migrate.ts';
import { migratePipeline, PIPELINE_MIGRATIONS } from './migrate.ts';
import { parsePipelineText } from './parse.ts';
import { testCatalogue } from './test-catalogue.ts';

/** A made-up format v0 that called `nodes` "steps" and had no `edges`. */
const v0ToV1: FormatMigration = {
  from: 0,
  migrate: (doc) => {
    const { steps, ...rest } = doc;
    return { ...rest, nodes: steps, edges: [] };
  },
};

const v0 = {
  format: 'petroflow.pipeline',
  formatVersion: 0,
  id: 'p',
  name: 'old',
  steps: [{ id: 'logs', op: 'source.las', version: '1.0.0', params: { file: 'a.las' } }],
};

describe('migratePipeline', () => {
  it('has no migrations today (version 1 is the first format)', () => {
    expect(Object.keys(PIPELINE_MIGRATIONS)).toEqual([]);
  });

  it('applies a registered migration N -> N+1 and sets the version, without touching the input', () => {
    const input = structuredClone(v0);
    const r = migratePipeline(input, { 0: v0ToV1 });
    expect(r).toEqual({
      ok: true,
      value: { ...v0, steps: undefined, nodes: v0.steps, edges: [], formatVersion: 1 },
    });
    expect(input).toEqual(v0);
  });

  it('is used when parsing, through an injected table', () => {
    const r = parsePipelineText(JSON.stringify(v0), testCatalogue, { 0: v0ToV1 });
    expect(r.ok && r.value.nodes[0]?.params).toEqual({ file: 'a.las' });
    expect(r.ok && r.value.formatVersion).toBe(1);
  });

  it('refuses an old version that has no migration', () => {
    const r = migratePipeline(v0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'PIPELINE_INVALID', field: 'formatVersion' });
    expect(!r.ok && r.error.message).toContain(
      'format version 0 cannot be read (no migration from version 0 to 1)',
    );
  });

  it('refuses a newer version: made by a newer Petroflow, update the app', () => {
    const r = migratePipeline({ ...v0, formatVersion: 7 });
    expect(!r.ok && r.error.code).toBe('PIPELINE_FORMAT_TOO_NEW');
    expect(!r.ok && r.error.message).toContain(
      'made by a newer Petroflow (format version 7; this build reads up to 1); update the app',
    );
  });

  it('reports a migration that throws', () => {
    const broken: FormatMigration = {
      from: 0,
      migrate: () => {
        throw new Error('boom');
      },
    };
    const r = migratePipeline(v0, { 0: broken });
    expect(!r.ok && r.error.message).toContain('migrating from format version 0 to 1 failed: boom');
  });

  it('leaves documents without a usable version to the schema check', () => {
    expect(migratePipeline({ formatVersion: 'one' })).toEqual({
      ok: true,
      value: { formatVersion: 'one' },
    });
  });
});
