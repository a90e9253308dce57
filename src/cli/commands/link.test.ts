import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../io.ts';
import { main } from '../main.ts';
import { makeLinkCommand } from './link.ts';
import { makeUnlinkCommand } from './unlink.ts';
import { cliCatalogue, pipelineText } from './validate.fixtures.ts';

const randomBytes = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n)));
const link = makeLinkCommand(() => cliCatalogue);
const unlink = makeUnlinkCommand(() => cliCatalogue);

describe('petroflow link / unlink', () => {
  it('link prints a share link on the default base, which unlink turns back into the pipeline', async () => {
    const io = memoryIO({ 'p.json': pipelineText() });
    expect(await link.run(['p.json'], io)).toBe(0);
    const url = io.stdout[0] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#pipeline=[A-Za-z0-9_-]+$/);
    const inside = inflateSync(
      Buffer.from(url.split('#pipeline=')[1] ?? '', 'base64url'),
    ).toString();
    expect(JSON.parse(inside)).toMatchObject({
      name: 'Test',
      nodes: [{ id: 'logs' }, { id: 'vsh' }],
    });

    const out = memoryIO();
    expect(await unlink.run([url], out)).toBe(0);
    const text = out.stdout[0] ?? '';
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({
      nodes: [{}, { id: 'vsh', params: { gr: 'GR', grMin: 20, grMax: 120, method: 'linear' } }],
    });
    expect(text).toContain('\n  "format": "petroflow.pipeline",\n  "formatVersion": 1,\n');
  });

  it('link honours --base and refuses bad bases and arguments (exit 2)', async () => {
    const io = memoryIO({ 'p.json': pipelineText() });
    expect(await link.run(['p.json', '--base', 'https://example.org/app/#x'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^https:\/\/example\.org\/app\/#pipeline=/);
    for (const args of [
      ['p.json', '--base'],
      ['p.json', '--base', 'not a url'],
      ['p.json', '--base=ftp://x/'],
      [],
      ['p.json', '-x'],
      ['a', 'b'],
    ]) {
      expect(await link.run(args, io), args.join(' ')).toBe(2);
    }
  });

  it('link refuses an invalid pipeline (exit 1, one line per problem)', async () => {
    const io = memoryIO({ 'p.json': pipelineText({ grMin: -1, grMax: 1 }) });
    expect(await link.run(['p.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      "p.json: node 'vsh' params.grMin: must be >= 0 (allowed: 0 to 1000 API); got -1",
    ]);
    expect(io.stdout).toEqual([]);
  });

  it('link refuses a pipeline whose link would exceed 64 KiB, offering file export', async () => {
    const doc = JSON.parse(pipelineText()) as Record<string, unknown>;
    const random = Buffer.concat([randomBytes(60_000), randomBytes(10_000)]).toString('base64');
    const nodes = Array.from({ length: 10 }, (_, i) => ({
      id: `s${i}`,
      op: 'source.las',
      version: '1.0.0',
      params: { file: 'a' },
      notes: random.slice(i * 9000, (i + 1) * 9000),
    }));
    const big = JSON.stringify({ ...doc, nodes, edges: [] });
    const io = memoryIO({ 'big.json': big });
    expect(await link.run(['big.json'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(
      /^big\.json: The pipeline is too large for a link \(\d+ KiB compressed; links hold up to 64 KiB\): export the pipeline as a file/,
    );
  });

  it('unlink exits 1 on a damaged link and 2 on usage errors; both are registered in main', async () => {
    const io = memoryIO();
    expect(await main(['unlink', 'http://127.0.0.1:4173/#pipeline=AAAA'], io)).toBe(1);
    expect(io.stderr[0]).toContain(
      'link: This share link is damaged: the compressed data is corrupt',
    );
    expect(await main(['unlink'], io)).toBe(2);
    expect(await main(['link'], io)).toBe(2);
  });
});
