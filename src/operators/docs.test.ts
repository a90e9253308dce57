import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { docsFile, formattedOperatorDocs } from '../../scripts/gen-operator-docs.ts';
import { DOCS_COMMAND, operatorDocs } from './docs.ts';
import { createBuiltinRegistry } from './index.ts';

describe('operator docs', () => {
  it('docs/operators.md is up to date with the registry', async () => {
    const expected = await formattedOperatorDocs();
    const actual = await readFile(docsFile, 'utf8').catch(() => '(missing)');
    if (actual !== expected) {
      throw new Error(
        `docs/operators.md is stale or missing: run \`${DOCS_COMMAND}\` and commit the result.`,
      );
    }
  });

  it('documents each operator with its formula, reference, ports and parameter table', () => {
    const md = operatorDocs(createBuiltinRegistry());
    expect(md).toContain('### `petro.vshale` 1.0.0 (stable): Shale volume');
    expect(md).toContain('0.083 (2^(3.7 IGR) - 1)');
    expect(md).toContain('Reference: Archie 1942 (Trans. AIME 146)');
    expect(md).toMatch(
      /\| `rhoMatrix` \| number \| `2.65` \| g\/cc \| >= 1.5, <= 3.5 \| Matrix density: /,
    );
    expect(md).toMatch(/\| `rw` \| number \| required \| ohm.m \| > 0 \| Water resistivity: /);
    expect(md).toMatch(/\| `topColumn` \| column of port `tops` \| `"TOP"` \|/);
    expect(md).toContain('Inputs: `logs` (');
  });
});
