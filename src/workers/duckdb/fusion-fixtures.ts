/**
 * Fixtures of the fusion tests: a multi-batch well-log source (with nulls, NaN and text), engines
 * over one real DuckDB host with fusion (the host stages) or without (a wrapper that cannot), and
 * a SQL engine that counts how its calls were made.
 */
import type { RecordBatch } from 'apache-arrow';
import { tableFromArrays } from 'apache-arrow';
import { createInProcessEngine, type EngineWithCache } from '../../engine/engine.ts';
import type { SqlStage, StagingSqlEngine } from '../../engine/fusion/stage.ts';
import { defineParams, int } from '../../operators/params.ts';
import { createBuiltinRegistry } from '../../operators/index.ts';
import type { AnyOperator, SqlEngine } from '../../operators/types.ts';
import type { DuckDbHost } from './host.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * `test.logs`: `batches` batches of `rows` rows (DEPT, GR with nulls, RHOB with a NaN, NPHI, LITH);
 * with `float32` = 1, DEPT is a FLOAT column in steps of 0.1 (1480.1 held as 1480.0999755859375).
 */
export const logsSource: AnyOperator = {
  id: 'test.logs',
  version: '1.0.0',
  channel: 'stable',
  category: 'Test',
  title: 'Logs',
  description: 'test only',
  kind: 'source',
  params: defineParams({
    batches: int({ title: 'Batches', description: 'batches', default: 3 }),
    rows: int({ title: 'Rows', description: 'rows per batch', default: 50 }),
    ms: int({ title: 'Delay', description: 'ms before each batch after the first', default: 0 }),
    float32: int({
      title: 'Float32',
      description: '1: DEPT as 32-bit floats in 0.1 steps',
      default: 0,
    }),
  }),
  inputs: () => [],
  outputs: [{ name: 'out', description: 'logs' }],
  outputSchema: () => undefined,
  async *read(params) {
    const n = typeof params.rows === 'number' ? params.rows : 50;
    const batches = typeof params.batches === 'number' ? params.batches : 3;
    for (let b = 0; b < batches; b++) {
      if (b > 0 && typeof params.ms === 'number') await sleep(params.ms);
      const at = (k: number): number => b * n + k;
      yield tableFromArrays({
        DEPT:
          params.float32 === 1
            ? Float32Array.from({ length: n }, (_, k) => 1000 + at(k) / 10)
            : Float64Array.from({ length: n }, (_, k) => 1000 + at(k) * 0.5),
        GR: Array.from({ length: n }, (_, k) =>
          at(k) % 7 === 3 ? null : 20 + ((at(k) * 37) % 120),
        ),
        RHOB: Float64Array.from({ length: n }, (_, k) =>
          at(k) === 5 ? NaN : 2 + (at(k) % 11) / 20,
        ),
        NPHI: Float64Array.from({ length: n }, (_, k) => ((at(k) * 13) % 40) / 100),
        LITH: Array.from({ length: n }, (_, k) => (at(k) % 3 === 0 ? 'sand' : 'shale')),
      }).batches[0] as RecordBatch;
    }
  },
};

/** Counts of the SQL engine's calls in a run. */
export interface SqlCalls {
  query: number;
  stageAppend: number;
  stageSelect: number;
  stageQuery: number;
}

/** `host` as a SQL engine that counts calls (and can stage only when `stage` is true). */
export function countingSql(host: DuckDbHost, stage: boolean): { sql: SqlEngine; calls: SqlCalls } {
  const calls: SqlCalls = { query: 0, stageAppend: 0, stageSelect: 0, stageQuery: 0 };
  const base: SqlEngine = {
    query: (q, t, s) => {
      calls.query++;
      return host.query(q, t, s);
    },
    readCsv: (n, b, o) => host.readCsv(n, b, o),
  };
  if (!stage) return { sql: base, calls };
  const staging: StagingSqlEngine = {
    ...base,
    openStage(): SqlStage {
      const s = host.openStage();
      return {
        append: (t, sig) => (calls.stageAppend++, s.append(t, sig)),
        clear: () => s.clear(),
        select: (q, sig) => (calls.stageSelect++, s.select(q, sig)),
        query: (q, p, v, sig) => (calls.stageQuery++, s.query(q, p, v, sig)),
        close: () => s.close(),
      };
    },
  };
  return { sql: staging, calls };
}

/**
 * An in-process engine over `sql` with the built-in operators plus `test.logs`; `retain` as the
 * engine option (`requested`: what `petroflow run` keeps).
 */
export function fusionEngine(sql: SqlEngine, retain: 'all' | 'requested' = 'all'): EngineWithCache {
  const operators = createBuiltinRegistry();
  operators.register(logsSource);
  return createInProcessEngine({ operators, sql: () => Promise.resolve(sql), retain });
}
