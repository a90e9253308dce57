import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../io.ts';
import { main } from '../main.ts';
import { makeValidateCommand } from './validate.ts';
import { cliCatalogue, pipelineText } from './validate.fixtures.ts';

const command = makeValidateCommand(() => cliCatalogue);

describe('petroflow validate', () => {
  it('prints a short OK line and exits 0 for a valid file', async () => {
    const io = memoryIO({ 'p.json': pipelineText() });
    expect(await command.run(['p.json'], io)).toBe(0);
    expect(io.stdout).toEqual(['p.json: OK (2 nodes, 1 edge)']);
    expect(io.stderr).toEqual([]);
  });

  it('exits 1 with one line per problem, naming node and parameter', async () => {
    const io = memoryIO({ 'p.json': pipelineText({ grMin: 20, grMax: 5000, method: 'cubic' }) });
    expect(await command.run(['p.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      "p.json: node 'vsh' params.grMax: must be <= 1000 (allowed: 0 to 1000 API); got 5000",
      'p.json: node \'vsh\' params.method: must be one of: linear, stieber; got "cubic"',
    ]);
  });

  it('reports syntax errors with line and column, a missing file, and non-UTF-8 bytes', async () => {
    const io = memoryIO({
      'bad.json': '{\n  "format": 1,,\n}',
      'bin.json': new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    expect(await command.run(['bad.json'], io)).toBe(1);
    expect(await command.run(['missing.json'], io)).toBe(1);
    expect(await command.run(['bin.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      "bad.json: not valid JSON: line 2, column 15: unexpected ','; expected a double-quoted field name",
      'missing.json: cannot read the file (no such file)',
      'bin.json: the file is not UTF-8 text; a pipeline file is UTF-8 JSON',
    ]);
  });

  it('exits 2 on usage errors, through main', async () => {
    for (const args of [['validate'], ['validate', 'a.json', 'b.json'], ['validate', '--json']]) {
      const io = memoryIO();
      expect(await main(args, io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('usage: petroflow validate PIPELINE.json');
    }
  });

  it('is registered in main and uses the built-in operators', async () => {
    const doc = JSON.parse(pipelineText()) as Record<string, unknown>;
    const io = memoryIO({
      'empty.json': JSON.stringify({ ...doc, nodes: [], edges: [] }),
      'x.json': JSON.stringify({
        ...doc,
        nodes: [{ id: 'a', op: 'no.such.op', version: '1.0.0' }],
        edges: [],
      }),
    });
    expect(await main(['validate', 'empty.json'], io)).toBe(0);
    expect(io.stdout).toEqual(['empty.json: OK (0 nodes, 0 edges)']);
    expect(await main(['validate', 'x.json'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^x\.json: node 'a' op: unknown operator 'no\.such\.op'/);
  });

  it('runs as the real bin: node bin/petroflow.mjs validate FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'petroflow-validate-'));
    try {
      const doc = JSON.parse(pipelineText()) as Record<string, unknown>;
      const good = join(dir, 'good.json');
      const bad = join(dir, 'bad.json');
      writeFileSync(good, JSON.stringify({ ...doc, nodes: [], edges: [] }));
      writeFileSync(bad, JSON.stringify({ ...doc, formatVersion: 9 }));
      const ok = spawnSync(process.execPath, ['bin/petroflow.mjs', 'validate', good], {
        encoding: 'utf8',
      });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toBe(`${good}: OK (0 nodes, 0 edges)\n`);
      const ko = spawnSync(process.execPath, ['bin/petroflow.mjs', 'validate', bad], {
        encoding: 'utf8',
      });
      expect(ko.status).toBe(1);
      expect(ko.stderr).toContain(
        `${bad}: formatVersion: this pipeline was made by a newer Petroflow`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
