/**
 * The DuckDB side of one fused chain: its stage, the SQL for the current input schema, whether
 * every expression's type survives the unfused round trip unchanged, and whether fusion holds.
 * Without a `sql` tail each batch replaces the stage table (memory stays bounded by a batch); with
 * one, batches are appended and each is computed over its own rows (`rowid` range), so the tail
 * can read them all at the end.
 */
import type { RecordBatch, Schema, Table } from 'apache-arrow';
import { Table as ArrowTable } from 'apache-arrow';
import { DEFAULT_BATCH_LIMITS } from '../../operators/tables/arrow-concat.ts';
import { expressionProblem } from '../../operators/tables/expression-check.ts';
import { depthBounds } from '../../operators/tables/filter-depth.ts';
import type { SqlEngine } from '../../operators/types.ts';
import type { Chain } from './chains.ts';
import type { ChainSql, FusedStep } from './fused-sql.ts';
import {
  fusedColumns,
  isFloatingType,
  isStableType,
  valueColumn,
  valuesSql,
  viewSql,
} from './fused-sql.ts';
import type { SqlStage, StageSql } from './stage.ts';
import { canStage } from './stage.ts';
import { isFatal } from './fatal.ts';

interface Plan extends ChainSql {
  readonly signature: string;
  /** Positions of the staged columns in the input batch. */
  readonly at: readonly number[];
}

function signature(batch: RecordBatch): string {
  return batch.schema.fields.map((f) => `${f.name}\u0000${String(f.type)}`).join('\u0001');
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The chain's steps as SQL sees them; undefined when a parameter is not fit for SQL text. */
function fusedSteps(chain: Chain, schema: Schema): FusedStep[] | undefined {
  const first = schema.fields[0]?.name ?? '';
  const out: FusedStep[] = [];
  for (const [i, tn] of chain.steps.entries()) {
    const p = tn.params;
    if (chain.kinds[i] === 'expression') {
      const expression = str(p.expression);
      const output = str(p.output);
      // The same check the operator makes: one scalar expression, nothing that closes the SELECT.
      if (!expression || !output || expressionProblem(expression) !== undefined) return undefined;
      out.push({ kind: 'expression', expression, output });
    } else {
      const { top, base } = p;
      if (typeof top !== 'number' || typeof base !== 'number') return undefined;
      if (!Number.isFinite(top) || !Number.isFinite(base)) return undefined;
      const index = p.index === undefined || p.index === '' ? first : str(p.index);
      if (!index) return undefined;
      // The bounds as the operator compares them (a FLOAT index reaches SQL as FLOAT, cast
      // exactly to DOUBLE there).
      out.push({ kind: 'filter', index, ...depthBounds(schema, index, top, base) });
    }
  }
  return out;
}

/** The fused chain's DuckDB state (see the module comment). */
export class FusedState {
  on = true;
  private stage: SqlStage | undefined;
  private plan: Plan | undefined;
  /** Whether the current plan's value types were checked and found stable. */
  private typed = false;
  /** Rows appended to the stage (with a tail). */
  private rows = 0;

  constructor(
    private readonly chain: Chain,
    private readonly deps: { sql(): Promise<SqlEngine> },
  ) {}

  /** Turns fusion off for the rest of the chain; returns undefined for the caller's convenience. */
  off(): undefined {
    this.on = false;
    return undefined;
  }

  /**
   * Runs `op` (a fused step for `batch`) while fusion is on: undefined for an empty batch; fusion
   * goes off for good for a batch over the batch limit, or when `op` fails with an error that does
   * not end the chain (the caller then runs node by node).
   */
  async guard<T>(
    batch: RecordBatch,
    signal: AbortSignal,
    op: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    if (!this.on || batch.numRows === 0) return undefined;
    if (batch.numRows >= DEFAULT_BATCH_LIMITS.rows) return this.off();
    try {
      return await op();
    } catch (e) {
      if (isFatal(e, signal)) throw e;
      return this.off();
    }
  }

  /** The fused values of `batch` (see fused-sql.ts), or undefined when it cannot be fused. */
  async values(batch: RecordBatch, signal: AbortSignal): Promise<Table | undefined> {
    const source = await this.stageBatch(batch, signal);
    if (!source) return undefined;
    const plan = this.plan as Plan;
    return (this.stage as SqlStage).select((t) => valuesSql(plan, source(t)), signal);
  }

  /**
   * Stages `batch` (with a tail: appended) without computing its values; false when it cannot be
   * fused (fusion is then off). The deferred path (deferred.ts) computes at the end instead.
   */
  async stageOnly(batch: RecordBatch, signal: AbortSignal): Promise<boolean> {
    return (await this.stageBatch(batch, signal)) !== undefined;
  }

  /** Empties the stage so the same batches can be staged again (the deferred path's replay). */
  async restart(): Promise<void> {
    this.rows = 0;
    await this.stage?.clear();
  }

  /** The chain's steps as SQL sees them (filter indexes resolved), once a batch was staged. */
  get steps(): readonly FusedStep[] | undefined {
    return this.plan?.steps;
  }

  /** Runs engine-built SQL over the whole stage table (every batch staged so far). */
  selectAll(sql: (plan: ChainSql, table: string) => string, signal: AbortSignal): Promise<Table> {
    const plan = this.plan as Plan;
    return (this.stage as SqlStage).select((t) => sql(plan, t), signal);
  }

  /** Stages `batch`; the SQL source of its rows, or undefined when it cannot be fused. */
  private async stageBatch(batch: RecordBatch, signal: AbortSignal): Promise<StageSql | undefined> {
    const sql = await this.deps.sql();
    if (!canStage(sql)) return this.off();
    this.stage ??= sql.openStage();
    const sig = signature(batch);
    if (this.plan?.signature !== sig) {
      if (this.plan && this.chain.tail) return this.off();
      const names = batch.schema.fields.map((f) => f.name);
      const steps = fusedSteps(this.chain, batch.schema);
      const cols = steps && fusedColumns(steps, names, this.chain.tail !== undefined);
      if (!steps || !cols) return this.off();
      const at = cols.map((n) => names.indexOf(n));
      this.plan = { steps, names: cols, signature: sig, at };
      this.typed = false;
    }
    const plan = this.plan;
    const input = plan.at.length === batch.numCols ? batch : batch.selectAt([...plan.at]);
    let source: StageSql = (t) => t;
    if (this.chain.tail) {
      const from = this.rows;
      source = (t) => `(SELECT * FROM ${t} WHERE rowid >= ${from})`;
      this.rows += batch.numRows;
    } else await this.stage.clear();
    await this.stage.append(new ArrowTable([input]), signal);
    this.typed ||= await this.stableTypes(plan, source, signal);
    if (!this.typed) return this.off();
    return source;
  }

  /**
   * True when every expression's DuckDB type survives the round trip (DESCRIBE: planning only);
   * records which steps' values are floating-point (their non-finite values become null).
   */
  private async stableTypes(plan: Plan, source: StageSql, signal: AbortSignal): Promise<boolean> {
    const stage = this.stage as SqlStage;
    const d = await stage.select((t) => `DESCRIBE ${valuesSql(plan, source(t))}`, signal);
    const types = new Map<string, string>();
    const names = d.getChild('column_name');
    const kinds = d.getChild('column_type');
    for (let r = 0; r < d.numRows; r++) types.set(String(names?.get(r)), String(kinds?.get(r)));
    const type = (i: number): string => types.get(valueColumn(i)) ?? '';
    const stable = plan.steps.every((s, i) => s.kind !== 'expression' || isStableType(type(i)));
    // Later SQL nulls these steps' non-finite values (the type stays the same).
    const floating = new Set(plan.steps.flatMap((s, i) => (isFloatingType(type(i)) ? [i] : [])));
    this.plan = { ...plan, floating };
    return stable;
  }

  /** True when every row the tail should read is staged (fusion held for the whole input). */
  get tailReady(): boolean {
    return this.on && this.chain.tail !== undefined && this.rows > 0 && this.typed;
  }

  /** Runs the tail's query over the staged chain output (`port` is the tail's input port). */
  tailQuery(query: string, port: string, signal: AbortSignal): Promise<Table> {
    const plan = this.plan as Plan;
    return (this.stage as SqlStage).query(query, port, (t) => viewSql(plan, t), signal);
  }

  /** Releases the stage. */
  async close(): Promise<void> {
    const stage = this.stage;
    this.stage = undefined;
    await stage?.close().catch(() => undefined);
  }
}
