/** Branded node id: only `nodeId()` makes one, after checking the format of pipeline-format.md. */
export type NodeId = string & { readonly __brand: 'NodeId' };

/** Branded pipeline id (a UUID in files we write; any non-empty string up to 128 chars is read). */
export type PipelineId = string & { readonly __brand: 'PipelineId' };

/** The node id rule of pipeline format v1: 1-64 characters of `[A-Za-z0-9_-]`. */
export const NODE_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
const nodeIdRe = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `s` is a valid node id. */
export function isNodeId(s: string): s is NodeId {
  return nodeIdRe.test(s);
}

/** Makes a NodeId, throwing on an invalid string (use `isNodeId` for untrusted input). */
export function nodeId(s: string): NodeId {
  if (!isNodeId(s))
    throw new Error(`Invalid node id "${s}": use 1-64 characters A-Z, a-z, 0-9, _ or -.`);
  return s;
}

/** Makes a PipelineId from a trusted string. */
export function pipelineId(s: string): PipelineId {
  return s as PipelineId;
}

/** A fresh pipeline id (UUID v4). */
export function newPipelineId(): PipelineId {
  return crypto.randomUUID() as PipelineId;
}
