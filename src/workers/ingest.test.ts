// The ingestion client with a real worker_threads worker: results equal the same API in-process, bytes
// are copied or handed over as promised, tables arrive as Arrow IPC, and a crashed or hung worker
// costs only the file it was reading.
import { existsSync, readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { createIngestApi } from './ingest-api.ts';
import type { IngestWorker } from './ingest-client.ts';
import {
  createNodeIngestWorker,
  spawnNodeIngestWorker,
  type NodeIngestHandle,
} from './ingest-node.ts';

const example = 'public/examples/well-1.las';
const bytes = (text: string) => new TextEncoder().encode(text);
/** The worker's API run in this thread: the reference for what the worker must answer. */
const inProcess = createIngestApi();

/** A LAS 2.0 file of `rows` depth steps of 0.5 m from 1000 m, with GR = depth / 10. */
function lasFile(rows: number): Uint8Array {
  const head = [
    '~VERSION INFORMATION',
    ' VERS. 2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ' WRAP. NO : ONE LINE PER DEPTH STEP',
    '~WELL INFORMATION',
    ' STRT.M 1000 : START',
    ` STOP.M ${1000 + (rows - 1) * 0.5} : STOP`,
    ' STEP.M 0.5 : STEP',
    ' NULL. -999.25 : NULL VALUE',
    ' WELL. BIG-1 : WELL',
    '~CURVE INFORMATION',
    ' DEPT.M : DEPTH',
    ' GR.GAPI : GAMMA RAY',
    '~A',
  ];
  const lines = Array.from({ length: rows }, (_, i) => {
    const d = 1000 + i * 0.5;
    return `${d.toFixed(2)} ${(d / 10).toFixed(3)}`;
  });
  return bytes([...head, ...lines, ''].join('\n'));
}

let client: IngestWorker | undefined;
afterEach(() => client?.dispose());

/** A spawner that keeps the threads it started, so a test can crash one. */
function recordingSpawn(): { spawn: () => NodeIngestHandle; threads: NodeIngestHandle[] } {
  const threads: NodeIngestHandle[] = [];
  return {
    threads,
    spawn: () => {
      const h = spawnNodeIngestWorker();
      threads.push(h);
      return h;
    },
  };
}

/** Resolves once `threads` holds `count` workers (a file is handed to a worker after its copy). */
async function started(threads: readonly NodeIngestHandle[], count: number): Promise<void> {
  while (threads.length < count) await new Promise((r) => setTimeout(r, 5));
}

describe('ingestion worker (worker_threads)', () => {
  it('summarises as the API does in-process and leaves the caller its bytes', async () => {
    client = createNodeIngestWorker();
    const las = lasFile(2000);
    const csv = bytes('WELL,TOP\nA,"1"\nB,2\n');
    const csvLength = csv.byteLength;
    const [a, b] = await Promise.all([
      client.summarise('w.las', las),
      client.summarise('t.csv', csv),
    ]);
    expect(a).toEqual(await inProcess.summarise('w.las', las));
    expect(a).toMatchObject({ rows: 2000, depth: { min: 1000, max: 1999.5, unit: 'M' } });
    expect(b).toEqual(await inProcess.summarise('t.csv', csv));
    expect(las.byteLength).toBeGreaterThan(0);
    expect(csv.byteLength).toBe(csvLength);
    expect(client.workersStarted).toBe(1);
  });

  it('returns the reader error with its line', async () => {
    client = createNodeIngestWorker();
    const s = await client.summarise('bad.las', bytes('not a LAS file\n'));
    expect(s.error?.line).toBe(1);
    const t = await client.readFileTable('bad.las', bytes('not a LAS file\n'));
    expect(t.ok ? 'read' : t.error).toMatch(/^bad\.las: line 1: /);
  });

  it('reads tables through Arrow IPC (numbers and text) and takes the bytes it was given', async () => {
    client = createNodeIngestWorker();
    const csv = bytes('WELL,TOP\nA,1.5\nB,2\n');
    const t = await client.readFileTable('t.csv', csv);
    expect(csv.byteLength).toBe(0); // handed over (transferred), as documented
    if (!t.ok) throw new Error(t.error);
    expect(t.value.schema.fields.map((f) => f.name)).toEqual(['WELL', 'TOP']);
    expect([...(t.value.getChild('WELL') ?? [])]).toEqual(['A', 'B']);
    expect([...(t.value.getChild('TOP') ?? [])]).toEqual([1.5, 2]);
    // A view of part of a buffer is copied: the rest of its buffer stays the caller's.
    const las = lasFile(10);
    const outer = new Uint8Array(64 + las.byteLength);
    outer.set(las, 64);
    const l = await client.readFileTable('w.las', outer.subarray(64));
    expect(outer.byteLength).toBe(64 + las.byteLength);
    expect(l.ok && l.value.getChild('GR')?.get(9)).toBeCloseTo(100.45, 9);
  });

  it.skipIf(!existsSync(example))('reads the example well as the API does in-process', async () => {
    client = createNodeIngestWorker();
    const b = new Uint8Array(readFileSync(example));
    const ipc = await inProcess.readTable('well-1.las', b.slice());
    const viaWorker = await client.readFileTable('well-1.las', b);
    if (!ipc.ok || !viaWorker.ok) throw new Error('example well unreadable');
    const direct = { value: tableFromIPC(ipc.value) };
    expect(viaWorker.value.numRows).toBe(1101);
    // The first data line of the file: 1480.0000 122.88 2.4948 0.3254 -999.2500 2.7960 9.224
    expect(viaWorker.value.getChild('ILD')?.get(0)).toBeCloseTo(2.796, 9);
    expect(viaWorker.value.getChild('DT')?.get(0)).toBeNull();
    expect(viaWorker.value.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(
      direct.value.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
    );
    expect(viaWorker.value.getChild('ILD')?.toArray()).toEqual(
      direct.value.getChild('ILD')?.toArray(),
    );
  });

  it('a worker killed mid-file gives that file an error; the next file gets a new worker', async () => {
    const { spawn, threads } = recordingSpawn();
    client = createNodeIngestWorker({ spawn });
    const lost = client.summarise('lost.las', lasFile(100_000));
    const next = client.summarise('next.las', lasFile(50));
    await started(threads, 1);
    await threads[0]?.thread.terminate();
    const s = await lost;
    expect(s).toMatchObject({ kind: 'las', rows: 0, columns: [] });
    expect(s.error?.message).toMatch(/^the reader stopped \(exited with code \d+\)/);
    expect((await next).rows).toBe(50);
    expect(client.workersStarted).toBe(2);
    expect(threads).toHaveLength(2);
  });

  it('a worker past its deadline (scaled by size) is replaced; smaller files still read', async () => {
    const big = lasFile(200_000);
    client = createNodeIngestWorker({ deadlineMs: (n) => (n >= big.byteLength ? 30 : 60_000) });
    const [slow, fine] = await Promise.all([
      client.summarise('slow.las', big),
      client.readFileTable('fine.las', lasFile(20)),
    ]);
    expect(slow.error?.message).toMatch(/^the reader stopped \(it took longer than 0 s\)/);
    expect(fine.ok && fine.value.numRows).toBe(20);
    expect(client.workersStarted).toBe(2);
  });

  it('dispose ends the file in flight and answers later calls with an error', async () => {
    const { spawn, threads } = recordingSpawn();
    client = createNodeIngestWorker({ spawn });
    const inFlight = client.summarise('big.las', lasFile(100_000));
    await started(threads, 1);
    client.dispose();
    const closed = /^the reader stopped \(the file reader was closed\)/;
    expect((await inFlight).error?.message).toMatch(closed);
    expect((await client.summarise('x.csv', bytes('a\n1\n'))).error?.message).toMatch(closed);
    const t = await client.readFileTable('x.csv', bytes('a\n1\n'));
    expect(t.ok ? 'read' : t.error).toMatch(/^x\.csv: the reader stopped/);
    expect(client.workersStarted).toBe(1);
  });
});
