/**
 * OTLP/JSON export of a run (the OpenTelemetry protocol's JSON encoding of
 * ExportTraceServiceRequest): what the Runs panel downloads and `petroflow run --trace FILE`
 * writes. Collectors (`/v1/traces`) and trace viewers read it as is.
 */
import type { AttributeValue, Attributes, HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { ExecutionRecord } from '../../model/run-record.ts';
import { buildRunSpans, TRACER_NAME, TRACER_VERSION } from './spans.ts';

/** An OTLP AnyValue (64-bit integers are decimal strings, as OTLP/JSON requires). */
export type OtlpAnyValue =
  | { readonly stringValue: string }
  | { readonly boolValue: boolean }
  | { readonly intValue: string }
  | { readonly doubleValue: number }
  | { readonly arrayValue: { readonly values: readonly OtlpAnyValue[] } };

/** An OTLP KeyValue. */
export interface OtlpKeyValue {
  readonly key: string;
  readonly value: OtlpAnyValue;
}

/** One OTLP span. `parentSpanId` is absent on the run span. */
export interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  /** SPAN_KIND_INTERNAL = 1. */
  readonly kind: number;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly attributes: readonly OtlpKeyValue[];
  /** 0 unset, 1 ok, 2 error (with a message). */
  readonly status: { readonly code: number; readonly message?: string };
}

/** The whole OTLP/JSON document (ExportTraceServiceRequest). */
export interface OtlpTraceJson {
  readonly resourceSpans: readonly {
    readonly resource: { readonly attributes: readonly OtlpKeyValue[] };
    readonly scopeSpans: readonly {
      readonly scope: { readonly name: string; readonly version: string };
      readonly spans: readonly OtlpSpan[];
    }[];
  }[];
}

/** An attribute value in OTLP form (whole numbers as intValue, others as doubleValue). */
export function otlpValue(v: AttributeValue): OtlpAnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number')
    return Number.isSafeInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  const values = (v as readonly (string | number | boolean | null | undefined)[])
    .filter((x): x is string | number | boolean => x !== null && x !== undefined)
    .map((x) => otlpValue(x));
  return { arrayValue: { values } };
}

/** Attributes as OTLP KeyValues, in the order they were set. */
export function otlpAttributes(attributes: Attributes): OtlpKeyValue[] {
  return Object.entries(attributes)
    .filter((e): e is [string, AttributeValue] => e[1] !== undefined)
    .map(([key, value]) => ({ key, value: otlpValue(value) }));
}

/** Nanoseconds since the epoch as a decimal string (exact, through BigInt). */
export function hrTimeToNanos(t: HrTime): string {
  return (BigInt(t[0]) * 1_000_000_000n + BigInt(t[1])).toString();
}

function otlpSpan(s: ReadableSpan): OtlpSpan {
  const ctx = s.spanContext();
  const parent = s.parentSpanContext?.spanId;
  return {
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    name: s.name,
    // OTLP's SpanKind is the API's SpanKind + 1 (0 is SPAN_KIND_UNSPECIFIED).
    kind: s.kind + 1,
    startTimeUnixNano: hrTimeToNanos(s.startTime),
    endTimeUnixNano: hrTimeToNanos(s.endTime),
    attributes: otlpAttributes(s.attributes),
    status: s.status.message
      ? { code: s.status.code, message: s.status.message }
      : { code: s.status.code },
  };
}

/** The run of `record` as OTLP/JSON: one resource (service petroflow), one scope, its spans. */
export function toOtlpJson(record: ExecutionRecord): OtlpTraceJson {
  const spans = buildRunSpans(record);
  return {
    resourceSpans: [
      {
        resource: {
          attributes: otlpAttributes({
            'service.name': 'petroflow',
            'petroflow.pipeline.id': record.pipelineId,
          }),
        },
        scopeSpans: [
          { scope: { name: TRACER_NAME, version: TRACER_VERSION }, spans: spans.map(otlpSpan) },
        ],
      },
    ],
  };
}
