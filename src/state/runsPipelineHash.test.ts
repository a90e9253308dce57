// The pipeline hash of a run record, from pipeline files as users write them: parsed by the same
// parser the app and the CLI use, over the net-pay template shipped with the app.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pipelineHash } from '../engine/telemetry/index.ts';
import type { Pipeline } from '../model/pipeline.ts';
import { parsePipelineText } from '../model/parse.ts';
import { builtinRegistry } from '../operators/index.ts';

const text = readFileSync('public/examples/pipelines/net-pay-archie.json', 'utf8');

function parse(t: string): Pipeline {
  const p = parsePipelineText(t, builtinRegistry);
  if (!p.ok) throw new Error(p.error.map((e) => e.message).join('; '));
  return p.value;
}

/** The same JSON value with every object's keys in reverse order. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .reverse()
      .map(([k, x]) => [k, reverseKeys(x)]),
  );
}

describe('pipelineHash of a pipeline file', () => {
  it('does not change with key order, whitespace or number spelling, and changes with a parameter', async () => {
    const base = await pipelineHash(parse(text));
    const json = JSON.parse(text) as { nodes: { id: string; params: Record<string, unknown> }[] };
    expect(await pipelineHash(parse(JSON.stringify(reverseKeys(json))))).toBe(base);
    expect(await pipelineHash(parse(JSON.stringify(json)))).toBe(base);
    // 120 written as 120.0 / 1.2e2 is the same number in JSON.
    const spelled = text.replace('"grMax": 120,', '"grMax": 1.2e2,');
    expect(spelled).not.toBe(text);
    expect(await pipelineHash(parse(spelled))).toBe(base);
    const changed = text.replace('"grMax": 120,', '"grMax": 121,');
    expect(await pipelineHash(parse(changed))).not.toBe(base);
  });
});
