import type { NodeId, PipelineId } from './ids.ts';

/** The `format` tag every pipeline file carries. */
export const PIPELINE_FORMAT = 'petroflow.pipeline';

/** The newest pipeline format version this build reads and writes. */
export const CURRENT_FORMAT_VERSION = 1;

/** Canvas position of a node; does not change results. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/** One node of a pipeline: an operator pinned at an exact version with its parameters. */
export interface PipelineNode {
  readonly id: NodeId;
  readonly op: string;
  readonly version: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly label?: string;
  readonly position?: Position;
  readonly disabled?: boolean;
  readonly notes?: string;
}

/** A directed edge from an output port to an input port; each carries one table. */
export interface PipelineEdge {
  readonly from: NodeId;
  readonly fromPort: string;
  readonly to: NodeId;
  readonly toPort: string;
}

/** A pipeline in format version 1 (spec/pipeline-format.md section 1). */
export interface Pipeline {
  readonly format: typeof PIPELINE_FORMAT;
  readonly formatVersion: typeof CURRENT_FORMAT_VERSION;
  readonly id: PipelineId;
  readonly name: string;
  readonly description?: string;
  readonly nodes: readonly PipelineNode[];
  readonly edges: readonly PipelineEdge[];
}
