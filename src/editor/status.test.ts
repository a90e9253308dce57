// The status a node shows after a run, above all after Cancel: cancelled nodes are not "failed".
import { describe, expect, it } from 'vitest';
import { petroflowError } from '../model/errors.ts';
import type { NodeRunState } from '../state/index.ts';
import { shownStatus, statusText, wasCancelled } from './status.ts';

const cancelledError = petroflowError('CANCELLED', "Node 'logs' (source.las@1.1.0): cancelled.", {
  nodeId: 'logs',
});
const realError = petroflowError('NODE_FAILED', "Node 'bad' (sql@1.0.0) failed: no column X", {
  nodeId: 'bad',
});

/** A run cancelled while `logs` ran, with a real failure (`bad`) in another branch. */
const runStatus: Record<string, NodeRunState> = {
  logs: { status: 'failed', error: cancelledError },
  vsh: { status: 'skipped', reason: "upstream node 'logs' failed" },
  netpay: { status: 'skipped', reason: "upstream node 'vsh' failed" },
  waiting: { status: 'skipped', reason: 'cancelled' },
  bad: { status: 'failed', error: realError },
  belowBad: { status: 'skipped', reason: "upstream node 'bad' failed" },
  off: { status: 'skipped', reason: 'disabled' },
  belowOff: { status: 'skipped', reason: "upstream node 'off' is disabled" },
  ok: { status: 'done', rows: 10, ms: 3 },
  orphan: { status: 'skipped', reason: "upstream node 'gone' failed" },
};

describe('wasCancelled', () => {
  it('tells nodes stopped by Cancel from real failures in the same run', () => {
    const cancelled = Object.keys(runStatus).filter((id) => wasCancelled(runStatus, id));
    expect(cancelled).toEqual(['logs', 'vsh', 'netpay', 'waiting']);
  });

  it('is false for unknown, idle, running and finished nodes', () => {
    expect(wasCancelled(runStatus, 'nope')).toBe(false);
    expect(wasCancelled({ a: { status: 'running', rows: 5 } }, 'a')).toBe(false);
    expect(wasCancelled({ a: { status: 'idle' } }, 'a')).toBe(false);
    expect(wasCancelled({ a: { status: 'failed' } }, 'a')).toBe(false);
  });

  it('follows a chain of skipped nodes and stops on a cycle of reasons', () => {
    const loop: Record<string, NodeRunState> = {
      a: { status: 'skipped', reason: "upstream node 'b' failed" },
      b: { status: 'skipped', reason: "upstream node 'a' failed" },
    };
    expect(wasCancelled(loop, 'a')).toBe(false);
    const chain: Record<string, NodeRunState> = { n0: { status: 'failed', error: cancelledError } };
    for (let i = 1; i <= 50; i++)
      chain[`n${i}`] = { status: 'skipped', reason: `upstream node 'n${i - 1}' failed` };
    expect(wasCancelled(chain, 'n50')).toBe(true);
  });

  it('reads node ids that contain quotes (the reason\'s last "\' failed" ends the id)', () => {
    const rs: Record<string, NodeRunState> = {
      "it's": { status: 'failed', error: cancelledError },
      below: { status: 'skipped', reason: "upstream node 'it's' failed" },
    };
    expect(wasCancelled(rs, 'below')).toBe(true);
  });
});

describe('shownStatus', () => {
  it('shows cancelled only for failed or skipped nodes of a cancelled run', () => {
    expect(shownStatus(false, 'failed', false, true)).toBe('cancelled');
    expect(shownStatus(false, 'skipped', false, true)).toBe('cancelled');
    expect(shownStatus(false, 'failed', false, false)).toBe('failed');
    expect(shownStatus(false, 'failed', false)).toBe('failed');
    expect(shownStatus(false, 'done', false, true)).toBe('done');
    expect(shownStatus(false, 'running', false, true)).toBe('running');
  });

  it('keeps disabled and out-of-date ahead of cancelled', () => {
    expect(shownStatus(true, 'failed', false, true)).toBe('skipped');
    expect(shownStatus(false, 'failed', true, true)).toBe('stale');
    expect(shownStatus(false, 'queued', true, false)).toBe('queued');
  });
});

describe('statusText', () => {
  it('says cancelled in grey words, never failed', () => {
    const text = statusText('cancelled', runStatus.vsh);
    expect(text).toBe('cancelled · run again');
    expect(text).not.toMatch(/failed/);
  });

  it('keeps the other texts', () => {
    expect(statusText('done', runStatus.ok)).toBe('done · 10 rows · 3 ms');
    expect(statusText('skipped', runStatus.belowBad)).toBe("skipped · upstream node 'bad' failed");
    expect(statusText('stale', undefined)).toBe('out of date · run again');
    expect(statusText('failed', runStatus.bad)).toBe('failed');
  });
});
