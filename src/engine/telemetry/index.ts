/** Run observability: run-history records, OpenTelemetry spans and their OTLP/JSON export. */
export { makeExecutionRecord, operatorVersionsOf, pipelineHash, provenanceHash } from './record.ts';
export type { ParamsSchemaLookup } from './inputs.ts';
export { fileParamNames, inputFileHashes, inputFileNames } from './inputs.ts';
export { buildRunSpans, msToHrTime, TRACER_NAME, TRACER_VERSION } from './spans.ts';
export type { OtlpAnyValue, OtlpKeyValue, OtlpSpan, OtlpTraceJson } from './otlp.ts';
export { toOtlpJson } from './otlp.ts';
