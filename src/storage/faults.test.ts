// Storage faults at the real IndexedDB boundary (fake-indexeddb): a full disk, a throw after a
// write was queued, an aborted transaction. The previous record must survive, whole and valid.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from './index.ts';
import { openPetroflowDb } from './db.ts';
import { checkPipelineRecord, type FileSummary } from './records.ts';
import { injectPutFault, type PutFault } from './fault-injection.ts';
import type { Pipeline } from '../model/pipeline.ts';
import { nodeId, pipelineId } from '../model/ids.ts';

let n = 0;
const freshName = () => `petroflow-faults-${++n}-${Math.random()}`;
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function pipeline(id: string, name: string, nodes = 1): Pipeline {
  return {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: pipelineId(id),
    name,
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: nodeId(`n${i}`),
      op: 'source.las',
      version: '1.0.0',
      params: { file: `w${i}.las` },
    })),
    edges: [],
  };
}

/** The raw stored record, read through a separate connection (what a reload would see). */
async function storedRaw(name: string, id: string): Promise<unknown> {
  const db = await openPetroflowDb(name);
  const v: unknown = await db.get('pipelines', id);
  db.close();
  return v;
}

async function withSaved(): Promise<{ name: string; s: Storage }> {
  const name = freshName();
  const s = await openStorage(name);
  const created = await s.pipelines.create(pipeline('p', 'Original', 3), 1000);
  expect(created.ok).toBe(true);
  return { name, s };
}

describe('a failed pipeline save leaves the previous revision intact', () => {
  const faults: PutFault[] = ['quota', 'throw-after-put', 'abort-after-put'];
  for (const fault of faults) {
    it(`${fault}: the old record reads back complete and valid; a later save works`, async () => {
      const { name, s } = await withSaved();
      restore = injectPutFault('pipelines', fault);
      const r = await s.pipelines.save(pipeline('p', 'Edited', 5), 1, 2000);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('failed');
        if (r.error.kind === 'failed' && fault === 'quota') {
          expect(r.error.reason).toBe('quota');
          expect(r.error.detail).toMatch(/QuotaExceededError/);
        }
        if (r.error.kind === 'failed' && fault === 'abort-after-put') {
          expect(r.error.reason).toBe('aborted');
        }
      }
      const raw = await storedRaw(name, 'p');
      const checked = checkPipelineRecord(raw);
      expect(checked.ok).toBe(true);
      expect(raw).toEqual({
        id: 'p',
        revision: 1,
        updatedAt: 1000,
        pipeline: pipeline('p', 'Original', 3),
      });
      restore();
      restore = undefined;
      const again = await s.pipelines.save(pipeline('p', 'Edited', 5), 1, 3000);
      expect(again.ok && again.value.revision).toBe(2);
      expect(await storedRaw(name, 'p')).toMatchObject({
        revision: 2,
        pipeline: { name: 'Edited' },
      });
      s.close();
    });
  }

  it('a new pipeline that cannot be stored leaves nothing behind', async () => {
    const name = freshName();
    const s = await openStorage(name);
    restore = injectPutFault('pipelines', 'throw-after-put');
    const r = await s.pipelines.create(pipeline('new', 'New'));
    expect(r.ok).toBe(false);
    expect(await storedRaw(name, 'new')).toBeUndefined();
    expect((await s.pipelines.list()).records).toEqual([]);
    s.close();
  });

  it('deleting to the trash is all or nothing', async () => {
    const { name, s } = await withSaved();
    restore = injectPutFault('trash', 'quota');
    const r = await s.pipelines.remove('p');
    expect(!r.ok && r.error.reason).toBe('quota');
    expect(checkPipelineRecord(await storedRaw(name, 'p')).ok).toBe(true);
    restore();
    restore = undefined;
    expect((await s.pipelines.remove('p')).ok).toBe(true);
    expect(await storedRaw(name, 'p')).toBeUndefined();
    expect((await s.pipelines.restore('p'))?.pipeline.name).toBe('Original');
    s.close();
  });
});

describe('file adds hitting the quota', () => {
  const summary: FileSummary = { kind: 'csv', columns: [], rows: 1, wells: [], warnings: [] };
  const text = (t: string) => new TextEncoder().encode(t);

  it('a refused file is not listed; the other files and an older version stay', async () => {
    const s = await openStorage(freshName());
    const kept = await s.files.put('a.csv', text('A\n1\n'), summary);
    expect(kept.ok).toBe(true);
    expect((await s.files.put('b.csv', text('B\n2\n'), summary)).ok).toBe(true);
    restore = injectPutFault('fileBytes', 'quota');
    const big = await s.files.put('c.csv', text('C\n3\n'), summary);
    expect(!big.ok && big.error.reason).toBe('quota');
    const replaced = await s.files.put('a.csv', text('A\n999\n'), summary);
    expect(replaced.ok).toBe(false);
    restore();
    restore = undefined;
    expect((await s.files.list()).records.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
    expect(new TextDecoder().decode(await s.files.read('a.csv'))).toBe('A\n1\n');
    expect((await s.files.list()).records[0]?.hash).toBe(kept.ok ? kept.value.hash : '');
    expect(await s.files.read('c.csv')).toBeUndefined();
    expect((await s.files.put('c.csv', text('C\n3\n'), summary)).ok).toBe(true);
    expect(new TextDecoder().decode(await s.files.read('c.csv'))).toBe('C\n3\n');
    s.close();
  });
});
