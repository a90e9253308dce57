/** Checks each node against the catalogue: operator, version, and params (filling defaults). */
import type { OperatorCatalogue } from './catalogue.ts';
import { compileParamsCheck } from './schema-check.ts';
import { describeIssue } from './schema-messages.ts';
import { didYouMean } from './suggest.ts';
import type { JsonObject, NodeFacts, Problems } from './validate-context.ts';
import { isObject, str } from './validate-context.ts';

/** A catalogue for validation (kept as a name for callers; `ids` is part of OperatorCatalogue). */
export type ListableCatalogue = OperatorCatalogue;

function checkParams(
  node: JsonObject,
  where: { id?: string; index: number; op: string },
  schema: Readonly<Record<string, unknown>>,
  problems: Problems,
): boolean {
  if (node.params === undefined) node.params = {};
  if (!isObject(node.params)) return false; // reported by the document schema
  const check = compileParamsCheck(schema);
  if (!check.ok) {
    problems.atNode(
      'INTERNAL',
      where,
      'params',
      `operator ${where.op} has an invalid parameter schema (${check.error}); please report this bug`,
    );
    return false;
  }
  const issues = check.value(node.params);
  for (const issue of issues) {
    const { field, text } = describeIssue(issue, 'parameter');
    problems.atNode('BAD_PARAMS', where, field === '' ? 'params' : `params.${field}`, text);
  }
  return issues.length === 0;
}

function inputNames(
  inputs: (params: Readonly<Record<string, unknown>>) => readonly { name: string }[],
  params: JsonObject,
): readonly string[] | undefined {
  try {
    return inputs(params).map((p) => p.name);
  } catch {
    return undefined;
  }
}

/**
 * Checks ids (unique), operators, versions and params of every node; fills params defaults into the
 * working copy. Returns facts per node id (first occurrence) for the edge checks.
 */
export function checkNodes(
  nodes: readonly unknown[],
  catalogue: ListableCatalogue,
  problems: Problems,
): Map<string, NodeFacts> {
  const facts = new Map<string, NodeFacts>();
  const firstIndex = new Map<string, number>();
  let knownIds: readonly string[] | undefined;
  nodes.forEach((node, index) => {
    if (!isObject(node)) return;
    const id = str(node, 'id');
    const op = str(node, 'op');
    const version = str(node, 'version');
    const where = {
      index,
      ...(id !== undefined ? { id } : {}),
      ...(op !== undefined ? { op } : {}),
    };
    if (id !== undefined) {
      const first = firstIndex.get(id);
      if (first !== undefined) {
        problems.atNode(
          'PIPELINE_INVALID',
          where,
          'id',
          `the id '${id}' is already used by nodes[${first}] (this is nodes[${index}]); node ids must be unique, rename one`,
        );
      } else firstIndex.set(id, index);
    }
    if (op === undefined || version === undefined) return;
    const versions = catalogue.versions(op);
    if (versions.length === 0) {
      knownIds ??= catalogue.ids?.() ?? [];
      problems.atNode(
        'UNKNOWN_OPERATOR',
        where,
        'op',
        `unknown operator '${op}'${didYouMean(op, knownIds)}`,
      );
      return;
    }
    const entry = catalogue.get(op, version);
    if (!entry) {
      problems.atNode(
        'UNKNOWN_VERSION',
        where,
        'version',
        `operator ${op} has no version '${version}'; known versions: ${versions.join(', ')}`,
      );
      return;
    }
    const paramsOk = checkParams(node, { ...where, op }, entry.paramsSchema, problems);
    const outputs = entry.outputs.map((p) => p.name);
    const inputs =
      paramsOk && isObject(node.params)
        ? inputNames((p) => entry.inputs(p), node.params)
        : undefined;
    if (id !== undefined && firstIndex.get(id) === index)
      facts.set(id, { index, op, outputs, ...(inputs ? { inputs } : {}) });
  });
  nodes.forEach((node, index) => {
    const id = isObject(node) ? str(node, 'id') : undefined;
    if (id !== undefined && !facts.has(id) && firstIndex.get(id) === index) {
      const op = isObject(node) ? str(node, 'op') : undefined;
      facts.set(id, { index, ...(op !== undefined ? { op } : {}) });
    }
  });
  return facts;
}
