/**
 * The SQL of a fused chain: one CTE per step over the stage table. An expression step adds its
 * value as `__petroflow_v<i>` (only types whose Arrow round trip is the identity, see
 * `isStableType`) and copies it to its output column; a filter step adds its cumulative keep flag `__petroflow_k<i>`
 * (expressions after it are computed only where the flag holds, as the unfused node sees only the
 * kept rows). The engine then reads every value and flag in one query (`valuesSql`), and a `sql`
 * tail reads the chain's output rows as a view (`viewSql`).
 */
import { referencedColumns } from '../../operators/tables/expression-check.ts';

/** A chain step as SQL sees it. */
export type FusedStep =
  | { readonly kind: 'expression'; readonly expression: string; readonly output: string }
  | { readonly kind: 'filter'; readonly index: string; readonly lo: number; readonly hi: number };

/** Reserved prefix of the internal column and CTE names. */
const INTERNAL = '__petroflow';

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Internal name of step `i`'s value column. */
export function valueColumn(i: number): string {
  return `${INTERNAL}_v${i}`;
}

/** Internal name of step `i`'s cumulative keep flag. */
export function keepColumn(i: number): string {
  return `${INTERNAL}_k${i}`;
}

/** DuckDB types whose Arrow export reads back (on insert) as the same type. */
const STABLE = new Set([
  'DOUBLE',
  'FLOAT',
  'BIGINT',
  'INTEGER',
  'SMALLINT',
  'TINYINT',
  'BOOLEAN',
  'VARCHAR',
]);

/**
 * True when a DuckDB type comes back as itself after the unfused path's round trip (DuckDB ->
 * Arrow -> DuckDB); a chain computing any other type runs unfused. DECIMAL is not fused: its
 * export as doubles rounds differently from DuckDB's own cast (0.7 vs 0.7000000000000001 was
 * seen), so no cast in SQL can stand for it.
 */
export function isStableType(duckdbType: string): boolean {
  return STABLE.has(duckdbType);
}

/**
 * The input columns the chain reads (all of them when `all`), or undefined when the chain cannot
 * be fused over these column names: a name clash up to case (DuckDB names are case-insensitive),
 * a reserved name, an expression that may read any column, or a filter on a missing column.
 */
export function fusedColumns(
  steps: readonly FusedStep[],
  names: readonly string[],
  all: boolean,
): readonly string[] | undefined {
  const lower = new Set<string>();
  for (const n of names) {
    const l = n.toLowerCase();
    if (lower.has(l) || l.startsWith(INTERNAL) || n === '') return undefined;
    lower.add(l);
  }
  const current = [...names];
  const used = new Set<string>();
  for (const s of steps) {
    if (s.kind === 'filter') {
      if (!current.includes(s.index)) return undefined;
      used.add(s.index);
      continue;
    }
    const refs = referencedColumns(s.expression, current);
    if (refs === undefined) return undefined;
    for (const r of refs) used.add(r);
    const l = s.output.toLowerCase();
    if (l.startsWith(INTERNAL)) return undefined;
    if (!current.includes(s.output)) {
      if (lower.has(l)) return undefined;
      lower.add(l);
      current.push(s.output);
    }
  }
  if (all) return names;
  const read = names.filter((n) => used.has(n));
  return read.length > 0 ? read : names.slice(0, 1);
}

function literal(n: number): string {
  return `CAST('${String(n)}' AS DOUBLE)`;
}

/** The CTEs of the chain over `source`; the last one is named by `lastCte`. */
/** The SQL of a fused chain over the input columns `names` (see `fusedColumns`). */
export interface ChainSql {
  readonly steps: readonly FusedStep[];
  readonly names: readonly string[];
  /**
   * Steps whose value is a floating-point type (known once DESCRIBE ran): their NaN and
   * infinities become null, as the node makes them (math.expression), before later steps or the
   * tail read them.
   */
  readonly floating?: ReadonlySet<number>;
}

/** DuckDB types whose non-finite values the node turns into null. */
export function isFloatingType(duckdbType: string): boolean {
  return duckdbType === 'DOUBLE' || duckdbType === 'FLOAT';
}

function ctes({ steps, names, floating }: ChainSql, source: string) {
  const current = new Set(names);
  const parts = [`${INTERNAL}_s0 AS (SELECT * FROM ${source})`];
  let keep: string | undefined;
  let at = 0;
  const add = (body: string): void => {
    parts.push(`${INTERNAL}_s${at + 1} AS (${body} FROM ${INTERNAL}_s${at})`);
    at++;
  };
  steps.forEach((s, i) => {
    if (s.kind === 'filter') {
      const x = `CAST(${ident(s.index)} AS DOUBLE)`;
      const cond = `isfinite(${x}) AND ${x} >= ${literal(s.lo)} AND ${x} <= ${literal(s.hi)}`;
      add(`SELECT *, (${keep ? `${keep} AND ` : ''}${cond}) AS ${keepColumn(i)}`);
      keep = keepColumn(i);
      return;
    }
    const value = `(${s.expression})`;
    const v = valueColumn(i);
    add(`SELECT *, ${keep ? `CASE WHEN ${keep} THEN ${value} END` : value} AS ${v}`);
    if (floating?.has(i)) add(`SELECT * REPLACE (CASE WHEN isfinite(${v}) THEN ${v} END AS ${v})`);
    if (current.has(s.output)) add(`SELECT * REPLACE (${valueColumn(i)} AS ${ident(s.output)})`);
    else add(`SELECT *, ${valueColumn(i)} AS ${ident(s.output)}`);
    current.add(s.output);
  });
  return { sql: `WITH ${parts.join(',\n')}`, last: `${INTERNAL}_s${at}`, keep };
}

function internalColumns(steps: readonly FusedStep[]): string[] {
  return steps.map((s, i) => (s.kind === 'filter' ? keepColumn(i) : valueColumn(i)));
}

/** One row per input row: every expression's value and every filter's cumulative flag. */
export function valuesSql(chain: ChainSql, source: string): string {
  const c = ctes(chain, source);
  return `${c.sql}\nSELECT ${internalColumns(chain.steps).join(', ')} FROM ${c.last}`;
}

/** The chain's output rows with the output columns only (what a `sql` tail reads). */
export function viewSql(chain: ChainSql, source: string): string {
  const c = ctes(chain, source);
  const where = c.keep ? ` WHERE ${c.keep}` : '';
  const internal = internalColumns(chain.steps).join(', ');
  return `${c.sql}\nSELECT * EXCLUDE (${internal}) FROM ${c.last}${where}`;
}

/** Internal name of the staged row's position (its rowid) in the deferred check. */
const ROW = `${INTERNAL}_row`;

/** Modulus and factor of the position hash the deferred check sums over kept rows. */
export const ROW_HASH = { factor: 7919, modulus: 65521 } as const;

/**
 * The deferred check (deferred.ts) as one row: the row count; every expression's value on every
 * row it is computed for, as an aggregate (`m<i>`), so its errors are the ones computing the values
 * raises; and per filter the count (`c<i>`), position sum (`s<i>`) and position-hash sum (`h<i>`)
 * of the rows its cumulative flag keeps, positions being the staged rows' rowids.
 */
export function evaluateSql(chain: ChainSql, table: string): string {
  const c = ctes(chain, `(SELECT *, rowid AS ${ROW} FROM ${table})`);
  const cols = chain.steps.flatMap((s, i) => {
    if (s.kind === 'expression') return [`min(${valueColumn(i)}) AS m${i}`];
    const k = keepColumn(i);
    const hash = `(${ROW} * ${ROW_HASH.factor}) % ${ROW_HASH.modulus}`;
    return [
      `count(*) FILTER (WHERE ${k})::DOUBLE AS c${i}`,
      `coalesce(sum(${ROW}) FILTER (WHERE ${k}), 0)::DOUBLE AS s${i}`,
      `coalesce(sum(${hash}) FILTER (WHERE ${k}), 0)::DOUBLE AS h${i}`,
    ];
  });
  return `${c.sql}\nSELECT count(*)::DOUBLE AS n${cols.map((x) => `, ${x}`).join('')} FROM ${c.last}`;
}
