import { afterEach, describe, expect, it } from 'vitest';
import { openTabChannel, type SavedMessage, type TabChannel } from './channel.ts';

const open: TabChannel[] = [];
const raw: BroadcastChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  for (const c of raw.splice(0)) c.close();
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pair() {
  const name = `channel-${Math.random()}`;
  const a = openTabChannel(name);
  const b = openTabChannel(name);
  open.push(a, b);
  const got: SavedMessage[] = [];
  b.subscribe((m) => got.push(m));
  return { name, a, b, got };
}

describe('tab channel', () => {
  it('carries the "replaced" mark of a Keep-mine save, and plain saves without it', async () => {
    const { a, got } = pair();
    a.post({ type: 'pipeline-saved', id: 'p', revision: 4, replaced: true });
    a.post({ type: 'pipeline-saved', id: 'p', revision: 5 });
    await wait(50);
    expect(got.map((m) => [m.revision, m.replaced])).toEqual([
      [4, true],
      [5, undefined],
    ]);
  });

  it('drops malformed messages, a non-boolean "replaced" included', async () => {
    const { name, got } = pair();
    const other = new BroadcastChannel(name);
    raw.push(other);
    other.postMessage({ type: 'pipeline-saved', id: 'p', revision: 2, tab: 'x', replaced: 'yes' });
    other.postMessage({ type: 'pipeline-saved', id: 'p', revision: '2', tab: 'x' });
    other.postMessage({ type: 'pipeline-saved', id: 'p', revision: 3, tab: 'x' });
    await wait(50);
    expect(got.map((m) => m.revision)).toEqual([3]);
  });
});
