import { describe, expect, it } from 'vitest';
import { petroflowError } from '../../model/errors.ts';
import type { ExecutionNodeMetrics, ExecutionRecord } from '../../model/run-record.ts';
import type { OtlpAnyValue, OtlpKeyValue, OtlpSpan } from './otlp.ts';
import { toOtlpJson } from './otlp.ts';
import { msToHrTime } from './spans.ts';

// A run stored long ago: its times are far older than this process's performance.timeOrigin.
const T0 = Date.UTC(2024, 0, 2, 3, 4, 5) + 0.25;

function node(
  over: Partial<ExecutionNodeMetrics> & Pick<ExecutionNodeMetrics, 'nodeId'>,
): ExecutionNodeMetrics {
  return {
    op: 'petro.vshale',
    version: '1.0.0',
    status: 'done',
    start: T0 + 10,
    end: T0 + 30.5,
    rowsIn: 100,
    rowsOut: 100,
    bytes: 4096,
    worker: 1,
    cacheHit: false,
    attempts: 1,
    ...over,
  };
}

const record: ExecutionRecord = {
  recordVersion: 1,
  runId: '6f1c0a52-0d1b-4d0e-9d55-2f6c1f3f3c9a',
  pipelineId: 'p-1',
  pipelineName: 'Net pay',
  pipelineHash: 'a'.repeat(64),
  operatorVersions: ['petro.vshale@1.0.0', 'source.las@1.0.0'],
  inputHashes: { 'w1.las': 'b'.repeat(64) },
  provenanceHash: 'c'.repeat(64),
  start: T0,
  end: T0 + 100,
  status: 'failed',
  nodes: [
    node({
      nodeId: 'logs',
      op: 'source.las',
      rowsIn: 0,
      worker: null,
      cacheHit: true,
      attempts: 0,
      status: 'cached',
    }),
    node({ nodeId: 'vsh' }),
    node({
      nodeId: 'sw',
      op: 'petro.sw.archie',
      status: 'failed',
      rowsOut: 0,
      bytes: 0,
      error: petroflowError('NODE_FAILED', "Column 'RT' is missing."),
    }),
  ],
};

function attr(span: OtlpSpan, key: string): OtlpAnyValue | undefined {
  return span.attributes.find((a) => a.key === key)?.value;
}

function expectKeyValues(list: readonly OtlpKeyValue[]): void {
  for (const kv of list) {
    expect(typeof kv.key).toBe('string');
    const kinds = Object.keys(kv.value);
    expect(kinds).toHaveLength(1);
    expect(['stringValue', 'intValue', 'doubleValue', 'boolValue', 'arrayValue']).toContain(
      kinds[0],
    );
  }
}

describe('toOtlpJson', () => {
  const doc = toOtlpJson(record);

  it('has the OTLP/JSON shape: resourceSpans > scopeSpans > spans', () => {
    // Survives a JSON round trip unchanged (no BigInt, undefined or class instances).
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc.resourceSpans).toHaveLength(1);
    const rs = doc.resourceSpans[0]!;
    expect(rs.resource.attributes).toContainEqual({
      key: 'service.name',
      value: { stringValue: 'petroflow' },
    });
    expectKeyValues(rs.resource.attributes);
    expect(rs.scopeSpans).toHaveLength(1);
    expect(rs.scopeSpans[0]!.scope.name).toBe('petroflow.engine');
    const spans = rs.scopeSpans[0]!.spans;
    expect(spans).toHaveLength(4);
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(s.traceId).toBe(spans[0]!.traceId);
      expect(s.kind).toBe(1);
      expect(s.startTimeUnixNano).toMatch(/^\d+$/);
      expect(s.endTimeUnixNano).toMatch(/^\d+$/);
      expectKeyValues(s.attributes);
    }
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(4);
  });

  it('makes the run span the parent of every node span, with exact nanosecond times', () => {
    const [run, ...nodes] = doc.resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(run!.parentSpanId).toBeUndefined();
    expect(run!.name).toBe('run Net pay');
    for (const n of nodes) expect(n.parentSpanId).toBe(run!.spanId);
    // T0 = 2024-01-02T03:04:05.000250Z; independent arithmetic on integers.
    const t0ns = BigInt(Date.UTC(2024, 0, 2, 3, 4, 5)) * 1_000_000n + 250_000n;
    expect(run!.startTimeUnixNano).toBe(t0ns.toString());
    expect(run!.endTimeUnixNano).toBe((t0ns + 100_000_000n).toString());
    expect(nodes[1]!.startTimeUnixNano).toBe((t0ns + 10_000_000n).toString());
    expect(nodes[1]!.endTimeUnixNano).toBe((t0ns + 30_500_000n).toString());
  });

  it('carries operator id and version, rows, bytes, worker, cache hit and errors', () => {
    const spans = doc.resourceSpans[0]!.scopeSpans[0]!.spans;
    const [run, logs, vsh, sw] = spans;
    expect(attr(vsh!, 'petroflow.operator.id')).toEqual({ stringValue: 'petro.vshale' });
    expect(attr(vsh!, 'petroflow.operator.version')).toEqual({ stringValue: '1.0.0' });
    expect(attr(vsh!, 'petroflow.rows.in')).toEqual({ intValue: '100' });
    expect(attr(vsh!, 'petroflow.rows.out')).toEqual({ intValue: '100' });
    expect(attr(vsh!, 'petroflow.bytes')).toEqual({ intValue: '4096' });
    expect(attr(vsh!, 'petroflow.worker')).toEqual({ intValue: '1' });
    expect(attr(vsh!, 'petroflow.cache.hit')).toEqual({ boolValue: false });
    expect(vsh!.status).toEqual({ code: 0 });
    expect(attr(logs!, 'petroflow.cache.hit')).toEqual({ boolValue: true });
    expect(attr(logs!, 'petroflow.worker')).toBeUndefined();
    expect(sw!.status).toEqual({ code: 2, message: "Column 'RT' is missing." });
    expect(attr(sw!, 'error.type')).toEqual({ stringValue: 'NODE_FAILED' });
    expect(run!.status).toEqual({ code: 2, message: '1 node(s) failed' });
    expect(attr(run!, 'petroflow.pipeline.hash')).toEqual({ stringValue: 'a'.repeat(64) });
    expect(attr(run!, 'petroflow.operator.versions')).toEqual({
      arrayValue: {
        values: [{ stringValue: 'petro.vshale@1.0.0' }, { stringValue: 'source.las@1.0.0' }],
      },
    });
    expect(attr(run!, 'petroflow.nodes.cached')).toEqual({ intValue: '1' });
  });

  it('exports the same ids every time for the same run, other ids for another run', () => {
    expect(toOtlpJson(record)).toEqual(doc);
    const other = toOtlpJson({ ...record, runId: 'another' });
    expect(other.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId).not.toBe(
      doc.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId,
    );
  });

  it('converts milliseconds to HrTime without losing or overflowing nanoseconds', () => {
    expect(msToHrTime(1500.25)).toEqual([1, 500_250_000]);
    expect(msToHrTime(1999.9999999)).toEqual([2, 0]);
    expect(msToHrTime(0)).toEqual([0, 0]);
  });
});
