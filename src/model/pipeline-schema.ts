/**
 * The JSON Schema of a pipeline document in format version 1 (spec/pipeline-format.md section 1).
 * It checks shape and limits only; operators, versions, params, ports and cycles are checked by
 * `validatePipeline` against the catalogue. After a change run `npx tsx scripts/gen-validators.ts`.
 */
import { NODE_ID_PATTERN } from './ids.ts';
import { CURRENT_FORMAT_VERSION, PIPELINE_FORMAT } from './pipeline.ts';

/** Size limits of a pipeline document: generous for real use, small enough to refuse abuse. */
export const PIPELINE_LIMITS = {
  name: 200,
  description: 10_000,
  pipelineId: 128,
  label: 200,
  notes: 10_000,
  op: 128,
  version: 32,
  port: 64,
  nodes: 5_000,
  edges: 20_000,
  coordinate: 1e9,
} as const;

const nodeIdSchema = { type: 'string', pattern: NODE_ID_PATTERN } as const;
const portSchema = {
  type: 'string',
  minLength: 1,
  maxLength: PIPELINE_LIMITS.port,
} as const;
const coordinate = {
  type: 'number',
  minimum: -PIPELINE_LIMITS.coordinate,
  maximum: PIPELINE_LIMITS.coordinate,
} as const;

/** The top-level fields of format v1, in the order files are written. */
export const PIPELINE_FIELDS = [
  'format',
  'formatVersion',
  'id',
  'name',
  'description',
  'nodes',
  'edges',
] as const;

/** The fields of a node, in the order files are written. */
export const NODE_FIELDS = [
  'id',
  'op',
  'version',
  'label',
  'position',
  'disabled',
  'notes',
  'params',
] as const;

/** The fields of an edge, in the order files are written. */
export const EDGE_FIELDS = ['from', 'fromPort', 'to', 'toPort'] as const;

/** JSON Schema (draft-07) of a pipeline document, format version 1. */
export const pipelineDocumentSchema = {
  $id: 'https://petroflow.app/schemas/pipeline-1.json',
  type: 'object',
  required: ['format', 'formatVersion', 'id', 'name', 'nodes', 'edges'],
  additionalProperties: false,
  properties: {
    format: { const: PIPELINE_FORMAT },
    formatVersion: { const: CURRENT_FORMAT_VERSION },
    id: { type: 'string', minLength: 1, maxLength: PIPELINE_LIMITS.pipelineId },
    name: { type: 'string', maxLength: PIPELINE_LIMITS.name },
    description: { type: 'string', maxLength: PIPELINE_LIMITS.description },
    nodes: {
      type: 'array',
      maxItems: PIPELINE_LIMITS.nodes,
      items: {
        type: 'object',
        required: ['id', 'op', 'version'],
        additionalProperties: false,
        properties: {
          id: nodeIdSchema,
          op: {
            type: 'string',
            minLength: 1,
            maxLength: PIPELINE_LIMITS.op,
            pattern: '^[A-Za-z0-9_.-]+$',
          },
          version: {
            type: 'string',
            maxLength: PIPELINE_LIMITS.version,
            pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$',
          },
          params: { type: 'object' },
          label: { type: 'string', maxLength: PIPELINE_LIMITS.label },
          position: {
            type: 'object',
            required: ['x', 'y'],
            additionalProperties: false,
            properties: { x: coordinate, y: coordinate },
          },
          disabled: { type: 'boolean' },
          notes: { type: 'string', maxLength: PIPELINE_LIMITS.notes },
        },
      },
    },
    edges: {
      type: 'array',
      maxItems: PIPELINE_LIMITS.edges,
      items: {
        type: 'object',
        required: ['from', 'fromPort', 'to', 'toPort'],
        additionalProperties: false,
        properties: {
          from: nodeIdSchema,
          fromPort: portSchema,
          to: nodeIdSchema,
          toPort: portSchema,
        },
      },
    },
  },
} as const;
