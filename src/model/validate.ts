/**
 * Pipeline validation: the single gate every pipeline passes (file, link, storage, CLI). Reports
 * every problem it finds, each naming the node and field, and returns a branded, defaults-filled
 * copy; the caller's value is never changed.
 */
import type { PetroflowError } from './errors.ts';
import { petroflowError } from './errors.ts';
import { nodeId, pipelineId } from './ids.ts';
import { cloneJson } from './json-clone.ts';
import type { FormatMigration } from './migrate.ts';
import { migratePipeline, PIPELINE_MIGRATIONS } from './migrate.ts';
import type { Pipeline, PipelineEdge, PipelineNode } from './pipeline.ts';
import { CURRENT_FORMAT_VERSION, PIPELINE_FORMAT } from './pipeline.ts';
import { PIPELINE_FIELDS } from './pipeline-schema.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import { checkPipelineDocument } from './schema-check.ts';
import { describeIssue } from './schema-messages.ts';
import type { JsonObject } from './validate-context.ts';
import { isObject, Problems, str } from './validate-context.ts';
import { checkEdges } from './validate-edges.ts';
import type { ListableCatalogue } from './validate-nodes.ts';
import { checkNodes } from './validate-nodes.ts';

const nodePath = /^nodes\[(\d+)\](?:\.(.*))?$/;

function reportSchemaIssues(doc: JsonObject, problems: Problems): void {
  const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  for (const issue of checkPipelineDocument(doc)) {
    const { field, text } = describeIssue(
      issue,
      issue.instancePath === '' ? 'top-level field' : 'field',
    );
    const m = nodePath.exec(field);
    if (m) {
      const index = Number(m[1]);
      const node: unknown = nodes[index];
      const id = isObject(node) ? str(node, 'id') : undefined;
      const op = isObject(node) ? str(node, 'op') : undefined;
      const idOk = id !== undefined && !(m[2] === 'id');
      problems.atNode(
        'PIPELINE_INVALID',
        { index, ...(idOk ? { id } : {}), ...(op ? { op } : {}) },
        m[2] ?? '',
        text,
      );
    } else if (issue.keyword === 'additionalProperties' && issue.instancePath === '') {
      problems.at(
        'PIPELINE_INVALID',
        field,
        `${text}; format v${CURRENT_FORMAT_VERSION} allows only ${PIPELINE_FIELDS.join(', ')}`,
      );
    } else problems.at('PIPELINE_INVALID', field, text);
  }
}

function build(doc: JsonObject): Pipeline {
  const nodes = (doc.nodes as JsonObject[]).map((n): PipelineNode => {
    const node: PipelineNode = {
      id: nodeId(n.id as string),
      op: n.op as string,
      version: n.version as string,
      params: n.params as Record<string, unknown>,
    };
    const extra: Partial<Record<'label' | 'position' | 'disabled' | 'notes', unknown>> = {};
    for (const k of ['label', 'position', 'disabled', 'notes'] as const)
      if (n[k] !== undefined) extra[k] = n[k];
    return { ...node, ...(extra as Partial<PipelineNode>) };
  });
  const edges = (doc.edges as JsonObject[]).map((e): PipelineEdge => ({
    from: nodeId(e.from as string),
    fromPort: e.fromPort as string,
    to: nodeId(e.to as string),
    toPort: e.toPort as string,
  }));
  return {
    format: PIPELINE_FORMAT,
    formatVersion: CURRENT_FORMAT_VERSION,
    id: pipelineId(doc.id as string),
    name: doc.name as string,
    ...(typeof doc.description === 'string' ? { description: doc.description } : {}),
    nodes,
    edges,
  };
}

/**
 * Validates a pipeline document (any JSON value) against format v1 and the operator catalogue,
 * after migrating older format versions. Returns every problem found, or the pipeline.
 */
export function validatePipeline(
  value: unknown,
  catalogue: ListableCatalogue,
  migrations: Readonly<Record<number, FormatMigration>> = PIPELINE_MIGRATIONS,
): Result<Pipeline, PetroflowError[]> {
  const copy = cloneJson(value);
  if (!copy.ok) {
    const { path, problem } = copy.error;
    return err([
      petroflowError('PIPELINE_INVALID', `${path || 'pipeline'}: ${problem}`, { field: path }),
    ]);
  }
  if (!isObject(copy.value))
    return err([
      petroflowError(
        'PIPELINE_INVALID',
        'pipeline: a pipeline must be a JSON object ({ "format": "petroflow.pipeline", ... })',
      ),
    ]);
  const format = copy.value.format;
  if (format !== PIPELINE_FORMAT) {
    const text = `this is not a Petroflow pipeline: "format" is ${JSON.stringify(format) ?? 'missing'}, expected "${PIPELINE_FORMAT}"`;
    return err([petroflowError('PIPELINE_INVALID', `format: ${text}`, { field: 'format' })]);
  }
  const migrated = migratePipeline(copy.value, migrations);
  if (!migrated.ok) return err([migrated.error]);
  const doc = migrated.value as JsonObject;
  const problems = new Problems();
  reportSchemaIssues(doc, problems);
  const facts = checkNodes(Array.isArray(doc.nodes) ? doc.nodes : [], catalogue, problems);
  if (Array.isArray(doc.edges) && Array.isArray(doc.nodes)) checkEdges(doc.edges, facts, problems);
  return problems.list.length > 0 ? err(problems.list) : ok(build(doc));
}
