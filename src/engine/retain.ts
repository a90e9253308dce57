/**
 * Output retention (`EngineOptions.retain: 'requested'`, used by `petroflow run`): the outputs of
 * nodes nobody asked for are not kept while they stream. A node's chunks are dropped when it is not
 * requested and every consumer of it streams from it inside the same segment (so no later segment
 * needs its finished output); dropped outputs are never encoded or sent by the worker
 * (`SegmentTask.discard`) and reach the run as no chunks, which the cache does not store. The editor keeps every output (`retain: 'all'`, the default) for previews.
 */
import { petroflowError } from '../model/errors.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { Executor } from './executor.ts';
import type { SegmentHost } from './task.ts';

/** The nodes no edge leaves: what a run writes or keeps when no output is named. */
export function terminalNodes(pipeline: Pipeline): string[] {
  const from = new Set(pipeline.edges.map((e) => e.from as string));
  return pipeline.nodes.map((n) => n.id as string).filter((id) => !from.has(id));
}

/** The nodes whose outputs a run keeps: `outputs`, else the terminal nodes, and the target. */
export function requestedOutputs(
  pipeline: Pipeline,
  outputs: readonly string[] | undefined,
  target: string | undefined,
): Set<string> {
  const keep = new Set(outputs ?? terminalNodes(pipeline));
  if (target !== undefined) keep.add(target);
  return keep;
}

/** `executor` for one run that drops the chunks of outputs not kept (see the module comment). */
export function retainingExecutor(
  executor: Executor,
  pipeline: Pipeline,
  keep: ReadonlySet<string>,
): Executor {
  const consumers = new Map<string, string[]>();
  for (const e of pipeline.edges) {
    const list = consumers.get(e.from) ?? [];
    list.push(e.to);
    consumers.set(e.from, list);
  }
  return {
    slots: executor.slots,
    dispose: () => executor.dispose(),
    execute(task, host, signal) {
      const lost = Object.entries(task.inputs).find(([, chunks]) => chunks.length === 0);
      if (lost) {
        const message = `input '${lost[0]}' of node '${task.nodes[0]?.nodeId ?? '?'}' is needed again after a worker was lost, but it was not kept (this run keeps only requested outputs, to bound memory). Run the pipeline again.`;
        return Promise.resolve({
          edges: [],
          worker: null,
          fatal: petroflowError('INTERNAL', message),
        });
      }
      const drop = new Set(
        task.nodes
          .filter((n) => {
            if (keep.has(n.nodeId)) return false;
            const inside = new Set(
              task.nodes.filter((c) => c.parent === n.nodeId).map((c) => c.nodeId),
            );
            return (consumers.get(n.nodeId) ?? []).every((c) => inside.has(c));
          })
          .map((n) => n.nodeId),
      );
      if (drop.size === 0) return executor.execute(task, host, signal);
      // The worker does not encode or send dropped outputs; the host drops any that still come.
      const retaining: SegmentHost = {
        ...host,
        output: (id, chunk) => (drop.has(id) ? Promise.resolve() : host.output(id, chunk)),
      };
      return executor.execute({ ...task, discard: [...drop] }, retaining, signal);
    },
  };
}
