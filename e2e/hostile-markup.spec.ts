// Markup in shared pipelines (name, description, labels, notes): shown as the literal text it is,
// in the link dialog, on the canvas, in the inspector and the pipeline list; no element gets an
// event handler or a javascript: link, no script runs, and no request leaves the origin.
import { expect, test } from '@playwright/test';
import {
  activeElements,
  linkFor,
  openGuarded,
  startAttacker,
  type Attacker,
} from './pages/share.ts';

test.use({ viewport: { width: 1440, height: 900 } });

let attacker: Attacker;
test.beforeAll(async () => {
  attacker = await startAttacker();
});
test.afterAll(async () => {
  await attacker.close();
});

const run = (tag: string) => `window.__pwned=1;__pwnedCall('${tag}')`;
const payloads: Record<string, () => string> = {
  'an <img onerror> tag': () =>
    `<img src="http://127.0.0.1:${attacker.port}/x.png" onerror="${run('img')}">`,
  'javascript: links': () =>
    `javascript:${run('js')} <a href="javascript:${run('a')}">click</a> [me](javascript:${run('md')})`,
  'an SVG payload': () =>
    `<svg onload="${run('svg')}"><script>${run('svg-script')}</script><image href="http://127.0.0.1:${attacker.port}/s.png"/></svg>`,
};

function markupPipeline(payload: string): string {
  return JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'hostile-markup',
    name: payload.slice(0, 200),
    description: `Description ${payload}`,
    nodes: [
      {
        id: 'logs',
        op: 'source.las',
        version: '1.0.0',
        label: payload.slice(0, 200),
        notes: `Notes ${payload}`,
        params: { file: '*.las' },
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
  });
}

for (const [what, make] of Object.entries(payloads)) {
  test(`hostile markup link: ${what} in name, description, label and notes stays text`, async ({
    context,
    baseURL,
  }) => {
    const payload = make();
    const { guard, app, share } = await openGuarded(context, baseURL!);
    const page = app.page;
    const before = await share.stored();
    await share.visit(linkFor(baseURL!, markupPipeline(payload)));
    const dialog = share.linkDialog();
    await expect(dialog).toHaveAccessibleName('Open a shared pipeline?');
    await expect(dialog.getByTestId('link-name')).toHaveText(payload.slice(0, 200));
    await expect(dialog.getByTestId('link-description')).toHaveText(`Description ${payload}`);
    await expect(dialog.getByTestId('link-node-logs')).toContainText(payload.slice(0, 200));
    await expect(dialog.getByTestId('link-node-logs')).toContainText(`Notes ${payload}`);
    expect(await activeElements(page)).toEqual([]);
    await share.accept();

    await expect(page.getByLabel('Pipeline name')).toHaveValue(payload.slice(0, 200));
    await expect(app.node('logs').locator('.op-title')).toHaveText(payload.slice(0, 200));
    await app.select('logs');
    await expect(
      page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Label', { exact: true }),
    ).toHaveValue(payload.slice(0, 200));
    await app.tab('Pipelines');
    await expect(
      page.getByRole('region', { name: 'Pipelines' }).getByText(payload.slice(0, 200)),
    ).toBeVisible();
    await page.waitForTimeout(500); // time for an error or load handler to fire, were there one
    expect(await activeElements(page)).toEqual([]);

    const after = await share.stored();
    expect(after.filter((r) => before.some((b) => b.key === r.key))).toEqual(before);
    expect(after.length).toBe(before.length + 1);
    expect(attacker.requests).toEqual([]);
    await guard.assertClean(page);
    expect(app.errors).toEqual([]);
  });
}

test('the guard itself sees a script that runs and a request that leaves (control)', async ({
  context,
  baseURL,
}) => {
  const other = await startAttacker();
  try {
    const { guard, app } = await openGuarded(context, baseURL!);
    await app.page.evaluate(() =>
      (window as unknown as { __pwnedCall(w: string): void }).__pwnedCall('control'),
    );
    await expect.poll(() => guard.pwnedCalls).toEqual(['control']);
    // The app's CSP blocks off-origin fetches before they are made, so the control request is a
    // navigation of another page of the same context.
    const probe = await context.newPage();
    await probe.goto(`http://127.0.0.1:${other.port}/control`);
    expect(guard.offOrigin()).toContain(`http://127.0.0.1:${other.port}/control`);
    expect(other.requests).toEqual(['GET /control']);
  } finally {
    await other.close();
  }
});
