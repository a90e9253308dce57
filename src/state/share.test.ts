// Share links from the state layer: link making, the preview of an incoming link, and the import
// as a new pipeline. fake-indexeddb stands in for the browser's IndexedDB only.
import 'fake-indexeddb/auto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, MAX_LINK_PAYLOAD } from '../formats/sharelink.ts';
import { toBase64Url } from '../formats/sharelink-base64url.ts';
import { pipelineId } from '../model/ids.ts';
import { parsePipelineText } from '../model/parse.ts';
import { PIPELINE_FORMAT, type Pipeline } from '../model/pipeline.ts';
import { serializePipeline } from '../model/serialize.ts';
import { createBuiltinRegistry } from '../operators/index.ts';
import { openStorage, type Storage } from '../storage/index.ts';
import { hasShareFragment, prepareShare, SHARE_QR_MAX_CHARS, shareBaseUrl } from './share.ts';
import { sharePreview } from './sharePreview.ts';
import { createAppStore, type AppStore } from './store.ts';

const registry = createBuiltinRegistry();
const base = 'http://127.0.0.1:4173/';

function pipeline(extra: Partial<Pipeline> = {}): Pipeline {
  const text = JSON.stringify({
    format: PIPELINE_FORMAT,
    formatVersion: 1,
    id: 'shared-1',
    name: 'Shared <b>pipeline</b>',
    description: 'from a colleague',
    nodes: [
      { id: 'logs', op: 'source.las', version: '1.0.0', params: { file: '*.las' }, label: 'Wells' },
      { id: 'one', op: 'source.las', version: '1.0.0', params: { file: 'WELL-9.LAS' } },
      { id: 'tops', op: 'source.csv', version: '1.0.0', params: { file: 'tops.csv' } },
      {
        id: 'vsh',
        op: 'petro.vshale',
        version: '1.0.0',
        notes: 'GR clean from the sand at 1500 m',
        params: { gr: 'GR', grMin: 20, grMax: 120, method: 'linear', output: 'VSH' },
      },
    ],
    edges: [{ from: 'logs', fromPort: 'out', to: 'vsh', toPort: 'in' }],
  });
  const r = parsePipelineText(text, registry);
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('; '));
  return { ...r.value, ...extra };
}

function linkOf(json: string): string {
  return `${base}#pipeline=${toBase64Url(new Uint8Array(deflateSync(Buffer.from(json))))}`;
}

describe('making a share link', () => {
  it('drops the fragment of the base, round-trips the serialised pipeline, and offers a QR', async () => {
    const p = pipeline();
    const out = await prepareShare(p, `${base}#pipeline=old`);
    if (out.kind !== 'link') throw new Error(out.message);
    expect(out.link.startsWith(`${base}#pipeline=`)).toBe(true);
    expect(out.link.indexOf('#')).toBe(base.length);
    expect(out.noQrReason).toBeUndefined();
    // Compact JSON in the stable key order, like `petroflow link`.
    expect(await decodeShareLink(out.link)).toEqual({
      ok: true,
      value: JSON.stringify(JSON.parse(serializePipeline(p))),
    });
  });

  it('says why there is no QR code for a long link', async () => {
    // Incompressible text: every character of the description is random.
    const noise = Array.from({ length: 3000 }, () =>
      String.fromCharCode(33 + Math.floor(Math.random() * 90)),
    ).join('');
    const out = await prepareShare(pipeline({ description: noise }), base);
    if (out.kind !== 'link') throw new Error(out.message);
    expect(out.link.length).toBeGreaterThan(SHARE_QR_MAX_CHARS);
    expect(out.noQrReason).toMatch(/^No QR code: this link is [\d,]+ characters/);
  });

  it('refuses a pipeline over 64 KiB compressed and points to file export', async () => {
    const noise = Array.from({ length: 9000 }, () => Math.random().toString(36).slice(2)).join('');
    const out = await prepareShare(pipeline({ description: noise }), base);
    expect(out.kind).toBe('too-large');
    if (out.kind === 'too-large') {
      expect(out.message).toContain('links hold up to 64 KiB');
      expect(out.message).toContain('export the pipeline as a file');
    }
  });

  it('finds link fragments and strips fragments from the base', () => {
    expect(hasShareFragment('#pipeline=abc')).toBe(true);
    expect(hasShareFragment('#x=1&pipeline=abc')).toBe(true);
    expect(hasShareFragment('#pipelines')).toBe(false);
    expect(hasShareFragment('')).toBe(false);
    expect(shareBaseUrl('http://h/app/?q=1#pipeline=x')).toBe('http://h/app/?q=1');
    expect(shareBaseUrl('http://h/')).toBe('http://h/');
  });
});

describe('the preview of an incoming link', () => {
  it('lists nodes with titles and versions, and matches expected files by name and glob', () => {
    const preview = sharePreview(pipeline(), registry, ['well-1.las', 'well-2.LAS', 'well-9.las']);
    expect(preview.name).toBe('Shared <b>pipeline</b>');
    expect(preview.description).toBe('from a colleague');
    expect(preview.nodes.map((n) => [n.id, n.op, n.version, n.title])).toEqual([
      ['logs', 'source.las', '1.0.0', 'LAS files'],
      ['one', 'source.las', '1.0.0', 'LAS files'],
      ['tops', 'source.csv', '1.0.0', registry.operator('source.csv', '1.0.0')?.title],
      ['vsh', 'petro.vshale', '1.0.0', 'Shale volume'],
    ]);
    expect(preview.nodes[0]?.label).toBe('Wells');
    expect(preview.nodes[3]?.notes).toBe('GR clean from the sand at 1500 m');
    expect(preview.files).toEqual([
      {
        nodeId: 'logs',
        param: 'file',
        pattern: '*.las',
        matches: ['well-1.las', 'well-2.LAS', 'well-9.las'],
      },
      // An exact name also matches a file that differs only in case.
      { nodeId: 'one', param: 'file', pattern: 'WELL-9.LAS', matches: ['well-9.las'] },
      { nodeId: 'tops', param: 'file', pattern: 'tops.csv', matches: [] },
    ]);
    expect(preview.missing.map((f) => f.pattern)).toEqual(['tops.csv']);
  });

  it('reports every expected file as missing in an empty library', () => {
    const preview = sharePreview(pipeline(), registry, []);
    expect(preview.missing.map((f) => f.nodeId)).toEqual(['logs', 'one', 'tops']);
  });
});

async function storeWith(storage: Storage): Promise<AppStore> {
  const s = createAppStore({ registry, storage, autosaveMs: 10 });
  await s.getState().init();
  return s;
}

async function stored(storage: Storage): Promise<string> {
  const list = await storage.pipelines.list();
  return JSON.stringify(list.records.map((r) => [r.id, r.revision, r.pipeline]));
}

describe('opening a link in the store', () => {
  it('imports the pipeline under a new id and keeps the existing one untouched', async () => {
    const storage = await openStorage(`share-${Math.random()}`);
    const s = await storeWith(storage);
    const p = pipeline();
    // A stored pipeline already has the id the link carries: it must not be overwritten.
    const existing = await storage.pipelines.create({ ...p, name: 'Mine', nodes: [], edges: [] });
    expect(existing.ok).toBe(true);
    const before = await stored(storage);

    await s.getState().receiveLink(linkOf(serializePipeline(p)));
    const incoming = s.getState().incoming;
    expect(incoming?.kind).toBe('ready');
    expect(await stored(storage)).toBe(before); // validated, but nothing saved yet

    const r = await s.getState().acceptLink();
    if (!r.ok) throw new Error(r.error);
    expect(r.value).not.toBe(p.id);
    expect(s.getState().incoming).toBeUndefined();
    expect(s.getState().pipelineId).toBe(r.value);
    const mine = await storage.pipelines.get(p.id);
    expect(mine.ok && mine.value?.pipeline.name).toBe('Mine');
    const imported = await storage.pipelines.get(r.value);
    const saved = imported.ok ? imported.value?.pipeline : undefined;
    expect(saved && serializePipeline({ ...saved, id: pipelineId('x') })).toBe(
      serializePipeline({ ...p, id: pipelineId('x') }),
    );
  });

  it('refuses hostile links with a message and stores nothing', async () => {
    const storage = await openStorage(`share-${Math.random()}`);
    const s = await storeWith(storage);
    const before = await stored(storage);
    const good = JSON.parse(serializePipeline(pipeline())) as Record<string, unknown>;
    const cases: [string, RegExp][] = [
      [`${base}#pipeline=${'A'.repeat(MAX_LINK_PAYLOAD + 4)}`, /too large for a link/],
      [`${base}#pipeline=not*base64`, /not base64url/],
      [`${base}#pipeline=${toBase64Url(new TextEncoder().encode('plain text'))}`, /corrupt/],
      [linkOf(JSON.stringify({ ...good, formatVersion: 99 })), /newer|formatVersion/i],
      [
        linkOf(
          JSON.stringify({
            ...good,
            nodes: [{ id: 'a', op: 'evil.op', version: '1.0.0', params: {} }],
            edges: [],
          }),
        ),
        /evil\.op/,
      ],
      [
        linkOf(
          JSON.stringify({
            ...good,
            nodes: [{ id: 'a', op: 'source.las', version: '9.9.9', params: {} }],
            edges: [],
          }),
        ),
        /9\.9\.9/,
      ],
      [
        linkOf(serializePipeline(pipeline()).replace('"name"', '"__proto__": {"x": 1},\n  "name"')),
        /__proto__/,
      ],
      [linkOf(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`), /deep|nest/i],
      [linkOf('{"format": "petroflow.pipeline",'), /not valid JSON/],
      [linkOf(' '.repeat(3 * 1024 * 1024)), /more than 2 MiB/],
    ];
    for (const [link, message] of cases) {
      await s.getState().receiveLink(link);
      const incoming = s.getState().incoming;
      expect(incoming?.kind, link.slice(0, 80)).toBe('refused');
      const text =
        incoming?.kind === 'refused' ? incoming.errors.map((e) => e.message).join('\n') : '';
      expect(text, link.slice(0, 80)).toMatch(message);
      expect((await s.getState().acceptLink()).ok).toBe(false);
      s.getState().dismissLink();
    }
    expect(s.getState().incoming).toBeUndefined();
    expect(await stored(storage)).toBe(before);
  });

  it('keeps only the newest of two links decoded at the same time', async () => {
    const s = createAppStore({ registry });
    const first = s.getState().receiveLink(linkOf(serializePipeline(pipeline({ name: 'First' }))));
    const second = s
      .getState()
      .receiveLink(linkOf(serializePipeline(pipeline({ name: 'Second' }))));
    await Promise.all([first, second]);
    const incoming = s.getState().incoming;
    expect(incoming?.kind === 'ready' && incoming.pipeline.name).toBe('Second');
  });

  it('does not import before stored work is loaded', async () => {
    const s = createAppStore({ registry });
    await s.getState().receiveLink(linkOf(serializePipeline(pipeline())));
    expect(await s.getState().acceptLink()).toEqual({
      ok: false,
      error: 'Petroflow is still loading your work; try again in a moment.',
    });
    await s.getState().init();
    expect((await s.getState().acceptLink()).ok).toBe(true);
    expect(s.getState().name).toBe('Shared <b>pipeline</b>');
  });
});
