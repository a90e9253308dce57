import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalSafe } from './io.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'pf-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('names from files cannot drive the terminal', () => {
  it('shows control characters, C1 controls and bidi overrides as \\uXXXX; keeps text, tabs, newlines', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007\r\u009b31m\u202eevil\u2066')).toBe(
      'a\\u001b[2Jb\\u0007\\u000d\\u009b31m\\u202eevil\\u2066',
    );
    expect(terminalSafe('Näs\tГлубина 深度 🛢\n')).toBe('Näs\tГлубина 深度 🛢\n');
  });

  it('petroflow validate prints an escape sequence from a port name as text', () => {
    const evil = '\u001b]0;owned\u0007\u001b[2J';
    const p = join(dir, 'p.json');
    writeFileSync(
      p,
      JSON.stringify({
        format: 'petroflow.pipeline',
        formatVersion: 1,
        id: 'p',
        name: 'n',
        nodes: [{ id: 'logs', op: 'source.las', version: '1.0.0', params: { file: 'a.las' } }],
        edges: [{ from: 'logs', fromPort: evil, to: 'logs', toPort: 'in' }],
      }),
    );
    const r = spawnSync(process.execPath, [join(root, 'bin/petroflow.mjs'), 'validate', p], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).not.toContain('\u0007');
    expect(r.stderr).toContain("no output port '\\u001b]0;owned\\u0007\\u001b[2J'");
  });
});
