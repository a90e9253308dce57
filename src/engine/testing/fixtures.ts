/** Test helpers: pipelines built in code and an in-memory FileProvider. */
import { nodeId, pipelineId } from '../../model/ids.ts';
import type { Pipeline } from '../../model/pipeline.ts';
import { OperatorRegistry } from '../../operators/registry.ts';
import { sha256Hex } from '../canonical.ts';
import type { FileProvider } from '../types.ts';
import { operators as testOperators } from './test-operators.ts';

/** A node as tests write it. */
export interface TestNode {
  id: string;
  op: string;
  params?: Record<string, unknown>;
  disabled?: boolean;
}

/** Builds a pipeline from nodes and `from->to[:port]` edges (all operators at 1.0.0). */
export function testPipeline(nodes: readonly TestNode[], edges: readonly string[]): Pipeline {
  return {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: pipelineId('test'),
    name: 'test',
    nodes: nodes.map((n) => ({
      id: nodeId(n.id),
      op: n.op,
      version: '1.0.0',
      params: n.params ?? {},
      ...(n.disabled ? { disabled: true } : {}),
    })),
    edges: edges.map((e) => {
      const [from = '', rest = ''] = e.split('->');
      const [to = '', port = 'in'] = rest.split(':');
      return { from: nodeId(from), fromPort: 'out', to: nodeId(to), toPort: port };
    }),
  };
}

/** A registry with the test operators only. */
export function testRegistry(): OperatorRegistry {
  return new OperatorRegistry(testOperators);
}

/** An in-memory FileProvider whose contents tests may change between runs. */
export function memoryFiles(files: Record<string, string | Uint8Array> = {}): FileProvider & {
  set(name: string, content: string | Uint8Array): void;
} {
  const store = new Map<string, Uint8Array>();
  const set = (name: string, c: string | Uint8Array): void => {
    store.set(name, typeof c === 'string' ? new TextEncoder().encode(c) : c);
  };
  for (const [k, v] of Object.entries(files)) set(k, v);
  const get = (name: string): Uint8Array => {
    const v = store.get(name);
    if (!v) throw new Error(`no file '${name}'`);
    return v;
  };
  return {
    set,
    names: () => [...store.keys()].sort(),
    read: (name) => Promise.resolve(get(name)),
    hash: (name) => sha256Hex(get(name)),
  };
}
