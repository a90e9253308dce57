import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../model/run-record.ts';
import { toOtlpJson } from './otlp.ts';

const record: ExecutionRecord = {
  recordVersion: 1,
  runId: 'r-env',
  pipelineId: 'p',
  pipelineName: 'Net pay',
  pipelineHash: 'a'.repeat(64),
  operatorVersions: ['petro.vshale@1.0.0'],
  inputHashes: { 'w1.las': 'b'.repeat(64) },
  provenanceHash: 'c'.repeat(64),
  start: 1_700_000_000_000,
  end: 1_700_000_000_050,
  status: 'done',
  nodes: [
    {
      nodeId: 'vsh',
      op: 'petro.vshale',
      version: '1.0.0',
      status: 'done',
      start: 1_700_000_000_001,
      end: 1_700_000_000_040,
      rowsIn: 5,
      rowsOut: 5,
      bytes: 100,
      worker: 0,
      cacheHit: false,
      attempts: 1,
    },
  ],
};

const LIMITS = [
  'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  'OTEL_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT',
] as const;

describe('toOtlpJson under OpenTelemetry environment variables', () => {
  const saved = LIMITS.map((k) => [k, process.env[k]] as const);
  afterEach(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('exports a stored record unchanged whatever attribute limits the shell sets (CLI = browser)', () => {
    const plain = JSON.stringify(toOtlpJson(record));
    // Common in shells set up for an OpenTelemetry collector; the SDK reads them under Node.
    process.env.OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT = '16';
    process.env.OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT = '16';
    process.env.OTEL_ATTRIBUTE_COUNT_LIMIT = '3';
    process.env.OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT = '3';
    const limited = toOtlpJson(record);
    const run = limited.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    // The provenance the trace states must be the record's, not cut to 16 characters.
    expect(run.attributes).toContainEqual({
      key: 'petroflow.pipeline.hash',
      value: { stringValue: 'a'.repeat(64) },
    });
    expect(JSON.stringify(limited)).toBe(plain);
  });
});
