/**
 * What keeps a node from running, computed before a run: unknown operator, parameters that break
 * the operator's JSON Schema (named by field), inputs left unconnected. Schemas are checked with
 * their precompiled validators (src/model/schema-check.ts): nothing is compiled in the browser.
 */
import { compileParamsValidation, type SchemaIssue } from '../model/schema-check.ts';
import type { OperatorRegistry } from '../operators/registry.ts';
import type { PipelineNode } from '../model/pipeline.ts';
import type { GraphDoc } from './doc.ts';
import type { PortLookup } from './ports.ts';
import { schemaResolver, type ColumnContext } from './columns.ts';

/** One problem of one node; `field` names the parameter when there is one. */
export interface NodeIssue {
  readonly field?: string;
  readonly message: string;
}

function fieldOf(e: SchemaIssue): string | undefined {
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty?: unknown }).missingProperty;
    return typeof missing === 'string' ? missing : undefined;
  }
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
    return typeof extra === 'string' ? extra : undefined;
  }
  const first = e.instancePath.split('/')[1];
  return first === undefined || first === '' ? undefined : first;
}

function describe(e: SchemaIssue, title: string): string {
  if (e.keyword === 'required') return `${title} is required.`;
  if (e.keyword === 'additionalProperties')
    return `"${title}" is not a parameter of this operator.`;
  return `${title} ${e.message ?? 'is invalid'}.`;
}

/** Parameter problems of one node against its operator version's schema. */
export function paramIssues(registry: OperatorRegistry, node: PipelineNode): NodeIssue[] {
  const op = registry.operator(node.op, node.version);
  if (!op) {
    const known = registry.versions(node.op);
    return [
      {
        message:
          known.length === 0
            ? `Unknown operator "${node.op}": this build does not have it.`
            : `Operator "${node.op}" has no version ${node.version} (known: ${known.join(', ')}).`,
      },
    ];
  }
  const schema = op.params.schema;
  const check = compileParamsValidation(schema as unknown as Readonly<Record<string, unknown>>);
  if (!check.ok) return [{ message: `Parameters of ${node.op} cannot be checked: ${check.error}` }];
  const found = check.value(node.params);
  if (found.length === 0) return [];
  const seen = new Set<string>();
  const issues: NodeIssue[] = [];
  for (const e of found) {
    const field = fieldOf(e);
    const key = `${field ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const title = (field && schema.properties[field]?.title) ?? field ?? 'Parameters';
    issues.push(field ? { field, message: describe(e, title) } : { message: describe(e, title) });
  }
  return issues;
}

/** The node's parameters without `fields`, so an invalid value does not raise a second alarm. */
function without(
  params: PipelineNode['params'],
  fields: ReadonlySet<string>,
): PipelineNode['params'] {
  if (fields.size === 0) return params;
  return Object.fromEntries(Object.entries(params).filter(([k]) => !fields.has(k)));
}

/**
 * Problems the operator itself finds before running (`outputSchema` errors naming a parameter,
 * e.g. a column the input lacks, or GR shale below GR clean), for nodes whose inputs are known.
 * `known` holds issues already found per node id: the operator checks the node without their
 * fields, and an issue on one of those fields (or repeating one) is not returned again.
 */
export function semanticIssues(
  registry: OperatorRegistry,
  ports: PortLookup,
  ctx: ColumnContext,
  known: ReadonlyMap<string, readonly NodeIssue[]> = new Map(),
): Map<string, NodeIssue> {
  const resolve = schemaResolver(registry, ctx);
  const out = new Map<string, NodeIssue>();
  for (const node of ctx.doc.nodes) {
    const op = registry.operator(node.op, node.version);
    if (!op || node.disabled) continue;
    const inputs = resolve.inputsOf(node.id);
    if (!ports(node).inputs.every((p) => inputs[p] !== undefined)) continue;
    const already = known.get(node.id) ?? [];
    const taken = new Set(already.flatMap((i) => (i.field ? [i.field] : [])));
    try {
      const r = op.outputSchema(inputs, without(node.params, taken));
      if (!r || r.ok) continue;
      const field = r.error.field?.replace(/^params\./, '');
      const message = r.error.message;
      if ((field && taken.has(field)) || already.some((i) => i.message === message)) continue;
      out.set(node.id, field ? { field, message } : { message });
    } catch {
      // an operator that cannot check before running is checked by the run
    }
  }
  return out;
}

/**
 * Every issue per node id (nodes without issues are absent): schema problems and unconnected
 * inputs, plus the operator's own checks when `ctx` (files, last outputs) is given. All are shown
 * at once, at most one per field: a field with a schema problem keeps only that one.
 */
export function createIssueChecker(registry: OperatorRegistry, ports: PortLookup) {
  const cache = new WeakMap<PipelineNode, NodeIssue[]>();
  return (
    doc: GraphDoc,
    ctx?: Omit<ColumnContext, 'doc'>,
  ): ReadonlyMap<string, readonly NodeIssue[]> => {
    const fed = new Set(doc.edges.map((e) => `${e.to}\u0000${e.toPort}`));
    const out = new Map<string, NodeIssue[]>();
    for (const node of doc.nodes) {
      let issues = cache.get(node);
      if (!issues) {
        issues = paramIssues(registry, node);
        cache.set(node, issues);
      }
      const open = ports(node).inputs.filter((p) => !fed.has(`${node.id}\u0000${p}`));
      const all = node.disabled
        ? issues
        : [...issues, ...open.map((p) => ({ message: `Input "${p}" is not connected.` }))];
      if (all.length > 0) out.set(node.id, all);
    }
    if (ctx) {
      for (const [id, issue] of semanticIssues(registry, ports, { ...ctx, doc }, out)) {
        out.set(id, [...(out.get(id) ?? []), issue]);
      }
    }
    return out;
  };
}
