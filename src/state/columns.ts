/**
 * The columns a node's inputs will carry, known before running: from upstream operators'
 * `outputSchema`, from the file library for sources, or from the last run's output.
 */
import { Field, Float64, Schema, Utf8 } from 'apache-arrow';
import type { OperatorRegistry } from '../operators/registry.ts';
import type { PipelineNode } from '../model/pipeline.ts';
import type { FileRecord } from '../storage/index.ts';
import type { GraphDoc } from './doc.ts';

const TEXT_COLUMNS = new Set(['WELL', 'ZONE', 'UWI', 'NAME', 'FORMATION']);

/** A schema from column names (numbers, except well/zone-like names) when only names are known. */
export function schemaOfNames(names: readonly string[]): Schema {
  return new Schema(
    names.map(
      (n) => new Field(n, TEXT_COLUMNS.has(n.toUpperCase()) ? new Utf8() : new Float64(), true),
    ),
  );
}

/** True when `name` matches a simple glob (`*`, `?`). */
export function globMatch(glob: string, name: string): boolean {
  const re = new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(name);
}

function fromFiles(node: PipelineNode, files: readonly FileRecord[]): Schema | undefined {
  const pattern = node.params.file;
  if (typeof pattern !== 'string') return undefined;
  const matched = files.filter((f) => globMatch(pattern, f.name) && !f.summary.error);
  if (matched.length === 0) return undefined;
  const names: string[] = [];
  for (const f of matched)
    for (const c of f.summary.columns) if (!names.includes(c.name)) names.push(c.name);
  if (matched.some((f) => f.summary.kind === 'las') && !names.includes('WELL')) names.push('WELL');
  return schemaOfNames(names);
}

/** What the resolver needs to know. */
export interface ColumnContext {
  readonly doc: GraphDoc;
  readonly files: readonly FileRecord[];
  readonly outputColumns: Readonly<Record<string, readonly string[]>>;
}

/** Column names offered per input port of `nodeId` (a port is absent when unknown). */
export function inputColumns(
  registry: OperatorRegistry,
  ctx: ColumnContext,
  nodeId: string,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(inputSchemas(registry, ctx, nodeId)).map(([port, s]) => [
      port,
      s.fields.map((f) => f.name),
    ]),
  );
}

/** The schema expected on each input port of `nodeId` (a port is absent when unknown). */
export function inputSchemas(
  registry: OperatorRegistry,
  ctx: ColumnContext,
  nodeId: string,
): Record<string, Schema> {
  return schemaResolver(registry, ctx).inputsOf(nodeId);
}

/** Resolves schemas of many nodes with one shared memo (linear in the graph). */
export function schemaResolver(registry: OperatorRegistry, ctx: ColumnContext) {
  const byId = new Map(ctx.doc.nodes.map((n) => [n.id as string, n]));
  const incoming = new Map<string, { port: string; from: string }[]>();
  for (const e of ctx.doc.edges) {
    incoming.set(e.to, [...(incoming.get(e.to) ?? []), { port: e.toPort, from: e.from }]);
  }
  const memo = new Map<string, Schema | undefined>();
  const visiting = new Set<string>();

  const inputsOf = (id: string): Record<string, Schema> => {
    const out: Record<string, Schema> = {};
    for (const { port, from } of incoming.get(id) ?? []) {
      const s = outputOf(from);
      if (s) out[port] = s;
    }
    return out;
  };

  const compute = (node: PipelineNode): Schema | undefined => {
    const last = ctx.outputColumns[node.id];
    if (last) return schemaOfNames(last);
    const op = registry.operator(node.op, node.version);
    if (!op) return undefined;
    const inputs = inputsOf(node.id);
    let declared: ReturnType<typeof op.outputSchema>;
    try {
      declared = op.outputSchema(inputs, node.params);
    } catch {
      declared = undefined;
    }
    if (declared?.ok) return declared.value;
    if (op.kind === 'source') return fromFiles(node, ctx.files);
    if (op.kind === 'rowwise' && inputs.in) {
      const extra = Object.entries(node.params)
        .filter(([k, v]) => /output$/i.test(k) && typeof v === 'string' && v !== '')
        .map(([, v]) => v as string);
      const names = inputs.in.fields.map((f) => f.name);
      return schemaOfNames([...names, ...extra.filter((x) => !names.includes(x))]);
    }
    return undefined;
  };

  function outputOf(id: string): Schema | undefined {
    if (memo.has(id)) return memo.get(id);
    const node = byId.get(id);
    if (!node || visiting.has(id)) return undefined;
    visiting.add(id);
    const s = compute(node);
    visiting.delete(id);
    memo.set(id, s);
    return s;
  }

  return { inputsOf, outputOf };
}
