/**
 * OpenTelemetry spans of one run, made through `@opentelemetry/api` and the SDK's tracer: a span
 * for the run and a child span per node, with the times the engine measured (explicit start and
 * end) and Petroflow's attributes. Built from a run record, so a stored run can be exported later.
 */
import type { Attributes, HrTime, Span } from '@opentelemetry/api';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { AlwaysOnSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { runIdGenerator } from './ids.ts';
import type { ExecutionNodeMetrics, ExecutionRecord } from '../../model/run-record.ts';

/** Name of the instrumentation scope of every Petroflow span. */
export const TRACER_NAME = 'petroflow.engine';

/** Version of the span layout (attribute names); bump when one changes meaning. */
export const TRACER_VERSION = '1.0.0';

/**
 * Epoch milliseconds (fractions kept) as an OTel HrTime. Passed as HrTime on purpose: the SDK
 * reads a plain number older than this page's `performance.timeOrigin` as a relative time, which
 * would shift the spans of a run stored yesterday.
 */
export function msToHrTime(ms: number): HrTime {
  let seconds = Math.floor(ms / 1000);
  let nanos = Math.round((ms - seconds * 1000) * 1e6);
  if (nanos >= 1e9) {
    seconds += 1;
    nanos -= 1e9;
  }
  return [seconds, nanos];
}

/** Attributes of a node span (keys under `petroflow.`; null values are left out). */
export function nodeAttributes(n: ExecutionNodeMetrics): Attributes {
  return {
    'petroflow.node.id': n.nodeId,
    'petroflow.operator.id': n.op,
    'petroflow.operator.version': n.version,
    'petroflow.node.status': n.status,
    'petroflow.rows.in': n.rowsIn,
    'petroflow.rows.out': n.rowsOut,
    'petroflow.bytes': n.bytes,
    ...(n.worker === null ? {} : { 'petroflow.worker': n.worker }),
    'petroflow.cache.hit': n.cacheHit,
    'petroflow.attempts': n.attempts,
    ...(n.error ? { 'error.type': n.error.code, 'petroflow.error.message': n.error.message } : {}),
    ...(n.reason ? { 'petroflow.skip.reason': n.reason } : {}),
  };
}

/** Attributes of the run span: identity and provenance of the run. */
export function runAttributes(r: ExecutionRecord): Attributes {
  const nodes = r.nodes;
  return {
    'petroflow.run.id': r.runId,
    'petroflow.run.status': r.status,
    'petroflow.pipeline.id': r.pipelineId,
    'petroflow.pipeline.name': r.pipelineName,
    'petroflow.pipeline.hash': r.pipelineHash,
    'petroflow.provenance.hash': r.provenanceHash,
    'petroflow.operator.versions': [...r.operatorVersions],
    'petroflow.input.files': Object.keys(r.inputHashes),
    'petroflow.input.hashes': Object.values(r.inputHashes),
    'petroflow.nodes': nodes.length,
    'petroflow.nodes.failed': nodes.filter((n) => n.status === 'failed').length,
    'petroflow.nodes.cached': nodes.filter((n) => n.cacheHit).length,
    'petroflow.rows.out': nodes.reduce((s, n) => s + n.rowsOut, 0),
    'petroflow.bytes': nodes.reduce((s, n) => s + n.bytes, 0),
  };
}

/** Collects ended spans synchronously (the SDK's processors export asynchronously). */
function collector(into: ReadableSpan[]): SpanProcessor {
  return {
    onStart: () => undefined,
    onEnd: (span) => void into.push(span),
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}

function endWithStatus(span: Span, failed: string | undefined, endMs: number): void {
  if (failed !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: failed });
  span.end(msToHrTime(endMs));
}

/**
 * The error status message of a node span, or undefined when the node did not fail. A node stopped
 * by a cancel carries its error too: its span is an error, as its run's is (a span with
 * `error.type` must have the error status, per OpenTelemetry's semantic conventions).
 */
function nodeFailure(n: ExecutionNodeMetrics): string | undefined {
  if (n.error) return n.error.message || n.error.code;
  return n.status === 'failed' ? 'failed' : undefined;
}

/** The spans of a run: the run span first, then one child per node in the record's order. */
export function buildRunSpans(record: ExecutionRecord): ReadableSpan[] {
  const ended: ReadableSpan[] = [];
  const provider = new BasicTracerProvider({
    idGenerator: runIdGenerator(record.runId),
    sampler: new AlwaysOnSampler(),
    // Explicit, so the OTEL_*_LIMIT variables the SDK reads under Node cannot cut a stored
    // record's hashes or drop its attributes: the CLI's trace equals the browser's download.
    spanLimits: { attributeCountLimit: 1024, attributeValueLengthLimit: Infinity },
    spanProcessors: [collector(ended)],
  });
  const tracer = provider.getTracer(TRACER_NAME, TRACER_VERSION);
  const runSpan = tracer.startSpan(
    `run ${record.pipelineName}`,
    {
      kind: SpanKind.INTERNAL,
      root: true,
      startTime: msToHrTime(record.start),
      attributes: runAttributes(record),
    },
    ROOT_CONTEXT,
  );
  const parent = trace.setSpan(ROOT_CONTEXT, runSpan);
  for (const n of record.nodes) {
    const span = tracer.startSpan(
      `${n.nodeId} (${n.op})`,
      { kind: SpanKind.INTERNAL, startTime: msToHrTime(n.start), attributes: nodeAttributes(n) },
      parent,
    );
    endWithStatus(span, nodeFailure(n), n.end);
  }
  const failed =
    record.status === 'failed'
      ? `${record.nodes.filter((n) => n.status === 'failed').length} node(s) failed`
      : record.status === 'cancelled'
        ? 'cancelled'
        : undefined;
  endWithStatus(runSpan, failed, record.end);
  // The run span ends last; put it first, as readers expect the root before its children.
  const root = ended.pop();
  return root ? [root, ...ended] : ended;
}
