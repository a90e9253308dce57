import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath });
  return (res?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint enforces the dependency direction', () => {
  it('refuses src/model importing src/operators', async () => {
    const hits = await rulesHit(
      'src/model/zz-probe.ts',
      "export { defineParams } from '../operators/params.ts';\n",
    );
    expect(hits).toContain('import-x/no-restricted-paths');
  });

  it('refuses src/formats importing src/operators', async () => {
    const hits = await rulesHit(
      'src/formats/zz-probe.ts',
      "export { ok } from '../operators/types.ts';\n",
    );
    expect(hits).toContain('import-x/no-restricted-paths');
  });

  it('refuses the editor importing duckdb-wasm, comlink or idb directly', async () => {
    const code = "import '@duckdb/duckdb-wasm';\nimport 'comlink';\nimport 'idb';\n";
    const hits = await rulesHit('src/editor/zz-probe.ts', code);
    expect(hits.filter((h) => h === 'no-restricted-imports')).toHaveLength(3);
  });

  it('allows operators importing model', async () => {
    const hits = await rulesHit(
      'src/operators/zz-probe.ts',
      "export type { Result } from '../model/result.ts';\n",
    );
    expect(hits).not.toContain('import-x/no-restricted-paths');
  });

  it('forbids dangerouslySetInnerHTML', async () => {
    const code = 'export const X = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />;\n';
    const hits = await rulesHit('src/ui/zz-probe.tsx', code);
    expect(hits).toContain('no-restricted-syntax');
  });
});
