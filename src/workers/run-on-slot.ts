/**
 * Running one segment on one pool worker and watching it: the task's own MessagePort carries the
 * worker's reports (input chunks go in, output chunks come back, both transferred), a watchdog
 * fails the task when the worker is silent past the deadline, the worker's death fails it as a
 * crash, and a cancel asks the worker to stop, terminating it after a grace period.
 */
import * as Comlink from 'comlink';
import type { PetroflowError } from '../model/errors.ts';
import { petroflowError } from '../model/errors.ts';
import { sharingHost } from '../engine/shared-chunks.ts';
import type { SegmentHost, SegmentResult, SegmentTask } from '../engine/task.ts';
import type { HostApi } from './protocol.ts';
import type { WorkerSlot } from './slot.ts';

/** Limits of one task. */
export interface WatchLimits {
  readonly deadlineMs: number;
  readonly cancelGraceMs: number;
}

/** The result, and whether the worker must be replaced. */
export interface SlotOutcome {
  readonly result: SegmentResult;
  readonly retire: boolean;
}

function transferables(task: SegmentTask): ArrayBuffer[] {
  return Object.values(task.inputs).flatMap((chunks) => chunks.map((c) => c.buffer as ArrayBuffer));
}

/** Runs `task` on `slot`'s worker (which must have started). */
export async function runOnSlot(
  slot: WorkerSlot,
  task: SegmentTask,
  host: SegmentHost,
  signal: AbortSignal,
  limits: WatchLimits,
): Promise<SlotOutcome> {
  const worker = slot.index;
  let lastSign = Date.now();
  const alive = <T>(f: () => T): T => {
    lastSign = Date.now();
    return f();
  };
  // Shared output groups are resolved here, before any wrapper that drops outputs (retain.ts).
  const sharing = sharingHost(host);
  const api: HostApi = {
    heartbeat: () => alive(() => undefined),
    started: (id, at) => alive(() => host.started(id, at)),
    progress: (id, rows) => alive(() => host.progress(id, rows)),
    output: (id, chunk, keep) => alive(() => sharing.output(id, chunk, keep)),
    shared: (id, from, group, parts, keep) =>
      alive(() => sharing.shared?.(id, from, group, parts, keep) ?? Promise.resolve()),
    finished: (r) => alive(() => host.finished(r)),
    warn: (id, m) => alive(() => host.warn(id, m)),
    active: (id) => alive(() => host.active?.(id)),
    readFile: async (name) => {
      const bytes = await alive(() => host.readFile(name));
      return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
  };
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port1);
  const cleanups: (() => void)[] = [() => port1.close()];
  try {
    return await new Promise<SlotOutcome>((resolve) => {
      let settled = false;
      const settle = (
        o: { result?: Omit<SegmentResult, 'worker'>; fatal?: PetroflowError },
        kill: boolean,
      ): void => {
        if (settled) return;
        settled = true;
        const fatal = o.fatal ?? o.result?.fatal;
        resolve({
          result: { edges: o.result?.edges ?? [], worker, ...(fatal ? { fatal } : {}) },
          retire: kill || fatal !== undefined,
        });
      };
      const timer = setInterval(
        () => {
          if (Date.now() - lastSign <= limits.deadlineMs) return;
          const message = `worker ${worker} gave no sign of life for ${limits.deadlineMs} ms (hung or stuck in a long computation); it was stopped and replaced. Check this node's parameters and data size.`;
          settle({ fatal: petroflowError('WORKER_TIMEOUT', message) }, true);
        },
        Math.min(250, Math.max(10, Math.floor(limits.deadlineMs / 4))),
      );
      cleanups.push(() => clearInterval(timer));
      const onAbort = (): void => {
        slot.api.cancel(task.taskId).catch(() => undefined);
        const t = setTimeout(() => settle({}, true), limits.cancelGraceMs);
        cleanups.push(() => clearTimeout(t));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
      void slot.exited.then((reason) => {
        const message = `worker ${worker} crashed (${reason}); it was replaced. Run again; if it repeats, check this node's data and parameters.`;
        settle({ fatal: petroflowError('WORKER_CRASHED', message) }, false);
      });
      slot.api
        .run(Comlink.transfer(task, transferables(task)), Comlink.transfer(port2, [port2]))
        .then(
          (result) => settle({ result }, false),
          (e: unknown) => {
            const message = `worker ${worker} failed: ${e instanceof Error ? e.message : String(e)}`;
            settle({ fatal: petroflowError('WORKER_CRASHED', message) }, true);
          },
        );
    });
  } finally {
    for (const c of cleanups) c();
  }
}
