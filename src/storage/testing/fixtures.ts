/** Records the storage tests store: one definition, so every test file builds them the same way. */
import type { ExecutionRecord } from '../../model/run-record.ts';
import type { Pipeline } from '../../model/pipeline.ts';
import { nodeId, pipelineId } from '../../model/ids.ts';

/** A small valid pipeline (one LAS source) with the given id and name. */
export function pipeline(id: string, name = 'P'): Pipeline {
  return {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: pipelineId(id),
    name,
    nodes: [{ id: nodeId('a'), op: 'source.las', version: '1.0.0', params: { file: '*.las' } }],
    edges: [],
  };
}

/** A finished run of pipeline `pid` that started at `start`. */
export function run(runId: string, pid: string, start: number): ExecutionRecord {
  return {
    recordVersion: 1,
    runId,
    pipelineId: pid,
    pipelineName: 'P',
    pipelineHash: 'a'.repeat(64),
    operatorVersions: [],
    inputHashes: {},
    provenanceHash: 'c'.repeat(64),
    start,
    end: start + 10,
    status: 'done',
    nodes: [],
  };
}
