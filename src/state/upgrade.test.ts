// The upgrade journey with the real built-in operators on the shipped "Net pay, Archie" template.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../operators/index.ts';
import { parsePipelineText } from '../model/parse.ts';
import { serializePipeline } from '../model/serialize.ts';
import { createAppStore } from './store.ts';
import { upgradeParamChanges } from './upgrade.ts';

const template = 'public/examples/pipelines/net-pay-archie.json';

/** The template as a user who saved it before 1.1.0 has it: summary.netpay pinned at 1.0.0. */
function pinnedAt100(text: string): string {
  const doc = JSON.parse(text) as { nodes: { id: string; version: string; params: object }[] };
  const n = doc.nodes.find((x) => x.id === 'netpay');
  if (!n || n.version !== '1.1.0') throw new Error('the template pins summary.netpay 1.1.0');
  n.version = '1.0.0';
  n.params = Object.fromEntries(Object.entries(n.params).filter(([k]) => k !== 'decimals'));
  return JSON.stringify(doc);
}

describe.skipIf(!existsSync(template))('upgrading summary.netpay in the template', () => {
  const registry = createBuiltinRegistry();

  it('the shipped template offers no upgrade: every node pins its newest stable version', () => {
    const parsed = parsePipelineText(readFileSync(template, 'utf8'), registry);
    if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join('\n'));
    const s = createAppStore({ registry });
    s.getState().loadPipeline(parsed.value);
    const nodes = s.getState().doc.nodes;
    expect(nodes.find((n) => n.id === 'netpay')?.params).toMatchObject({ decimals: 6 });
    expect(nodes.filter((n) => s.getState().upgradeOffer(n.id)).map((n) => n.id)).toEqual([]);
  });

  const open = () => {
    const parsed = parsePipelineText(pinnedAt100(readFileSync(template, 'utf8')), registry);
    if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join('\n'));
    const s = createAppStore({ registry });
    s.getState().loadPipeline(parsed.value);
    return s;
  };
  const netpay = (s: ReturnType<typeof open>) =>
    s.getState().doc.nodes.find((n) => n.id === 'netpay');

  it('offers 1.0.0 -> 1.1.0 with the change text, migrates, validates and undoes', () => {
    const s = open();
    const before = netpay(s);
    expect(before?.version).toBe('1.0.0');
    const offer = s.getState().upgradeOffer('netpay');
    expect(offer?.from).toBe('1.0.0');
    expect(offer?.to).toBe('1.1.0');
    expect(offer?.steps.map((x) => x.version)).toEqual(['1.1.0']);
    expect(offer?.steps[0]?.changes).toMatch(/Adds the parameter "decimals"/);
    // Nothing else in the template has a newer version (the LAS source already pins 1.1.0).
    const others = s.getState().doc.nodes.filter((n) => n.id !== 'netpay');
    expect(others.find((n) => n.id === 'logs')?.version).toBe('1.2.0');
    expect(others.filter((n) => s.getState().upgradeOffer(n.id))).toEqual([]);

    // Shown before accepting: the migration adds "decimals" and touches nothing else.
    expect(before && offer && upgradeParamChanges(registry, before, offer)).toEqual([
      { name: 'decimals', before: undefined, after: 6 },
    ]);
    expect(netpay(s)).toBe(before);

    const r = s.getState().upgrade('netpay');
    expect(r.ok).toBe(true);
    expect(netpay(s)?.version).toBe('1.1.0');
    expect(netpay(s)?.params).toEqual({ ...before?.params, decimals: 6 });
    expect(s.getState().upgradeOffer('netpay')).toBeUndefined();
    const saved = parsePipelineText(serializePipeline(s.getState().toPipeline()), registry);
    expect(saved.ok).toBe(true);

    s.getState().undo();
    expect(netpay(s)).toEqual(before);
    s.getState().redo();
    expect(netpay(s)?.version).toBe('1.1.0');
  });

  it('gives a new node from the palette the newest stable version with its defaults', () => {
    const s = open();
    const id = s.getState().addNode('summary.netpay') as string;
    const n = s.getState().doc.nodes.find((x) => x.id === id);
    expect(n?.version).toBe('1.1.0');
    expect(n?.params).toMatchObject({ decimals: 6, phi: 'PHIE', sw: 'SW', pay: 'PAY' });
  });
});
