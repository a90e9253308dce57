import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowBytes, handoffBenchmark } from './handoff.ts';

describe('worker hand-off benchmark', () => {
  it('moves Arrow IPC between two worker threads both ways and reports the ratio', async () => {
    const r = await handoffBenchmark.run({ scale: 'smoke' });
    const ms = Object.fromEntries(r.rows.map((x) => [x.label, x.value]));
    expect(ms['transfer (buffer in the transfer list)']).toBeGreaterThan(0);
    expect(ms['structured clone (baseline)']).toBeGreaterThan(0);
    expect(r.ratio?.label).toBe('clone time / transfer time');
  });

  it('builds readable Arrow IPC of about the requested size', () => {
    const bytes = arrowBytes(1);
    expect(bytes.byteLength).toBeGreaterThan(0.95e6);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(tableFromIPC(bytes).numRows).toBe(25_000);
  });
});
