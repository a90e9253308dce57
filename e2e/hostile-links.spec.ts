// Hostile and broken share links: each is refused with a clear message in the dialog, offers no way
// to save it, leaves the stored pipelines as they were, sends nothing off the origin, runs no
// script, and is taken out of the address bar when the dialog closes.
import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import {
  activeElements,
  linkFor,
  openGuarded,
  rawLink,
  startAttacker,
  type Attacker,
} from './pages/share.ts';

test.use({ viewport: { width: 1440, height: 900 } });
// Runs start DuckDB and a 10 MB URL is slow for the browser itself: room for a busy machine.
test.setTimeout(90_000);

let attacker: Attacker;
test.beforeAll(async () => {
  attacker = await startAttacker();
});
test.afterAll(async () => {
  await attacker.close();
});

const good = () => ({
  format: 'petroflow.pipeline',
  formatVersion: 1,
  id: 'shared',
  name: 'Shared',
  nodes: [{ id: 'logs', op: 'source.las', version: '1.0.0', params: { file: '*.las' } }],
  edges: [],
});
const json = (v: unknown) => JSON.stringify(v);
const evilOp = () =>
  `<img src="http://127.0.0.1:${attacker.port}/op.png" onerror="window.__pwned=1;__pwnedCall('op')">`;

interface Case {
  readonly name: string;
  /** The link, given the app's base URL. */
  link(base: string): string;
  readonly why: RegExp;
  /** Open it with a fresh page load instead of a hashchange in the running app. */
  readonly load?: boolean;
}

const cases: Case[] = [
  {
    name: 'a payload over 64 KiB',
    link: (b) => rawLink(b, 'A'.repeat(70_000)),
    why: /too large for a link \(69 KiB compressed; links hold up to 64 KiB\)/,
  },
  {
    name: 'a 10 MB payload',
    link: (b) => rawLink(b, 'B'.repeat(10 * 1024 * 1024)),
    why: /too large for a link \(10240 KiB compressed/,
  },
  {
    name: 'a deflate bomb (40 MiB of zeros in a 54 K link)',
    link: (b) =>
      rawLink(b, deflateSync(Buffer.alloc(40 * 1024 * 1024), { level: 9 }).toString('base64url')),
    why: /unpacks to more than 2 MiB/,
  },
  {
    name: 'corrupt base64url',
    link: (b) => rawLink(b, 'eJyr*VkpLzMvPS1GyUqpRKi1OLVKyUiotTi1SqgUAZB4'),
    why: /not base64url: character "\*" at position 5/,
    load: true,
  },
  {
    name: 'corrupt deflate data',
    link: (b) => rawLink(b, Buffer.from('this is not deflate data').toString('base64url')),
    why: /the compressed data is corrupt/,
  },
  {
    name: 'a newer formatVersion',
    link: (b) => linkFor(b, json({ ...good(), formatVersion: 2 })),
    why: /made by a newer Petroflow \(format version 2; this build reads up to 1\)/,
  },
  {
    name: 'an unknown operator (named with markup)',
    link: (b) =>
      linkFor(
        b,
        json({ ...good(), nodes: [{ id: 'x', op: evilOp(), version: '1.0.0', params: {} }] }),
      ),
    why: /unknown operator '<img src=/,
  },
  {
    name: 'an unknown operator version',
    link: (b) => linkFor(b, json({ ...good(), nodes: [{ ...good().nodes[0], version: '9.9.9' }] })),
    why: /operator source\.las has no version '9\.9\.9'/,
  },
  {
    name: 'a __proto__ key',
    link: (b) => linkFor(b, json(good()).replace('"name"', '"__proto__":{"polluted":1},"name"')),
    why: /field name '__proto__' is not allowed/,
  },
  {
    name: 'deep nesting',
    link: (b) =>
      linkFor(b, `{"format":"petroflow.pipeline","x":${'['.repeat(5000)}${']'.repeat(5000)}}`),
    why: /nesting is deeper than 64 levels/,
  },
  {
    name: 'invalid JSON',
    link: (b) => linkFor(b, '{"format": "petroflow.pipeline", "formatVersion": 1,'),
    why: /not valid JSON/,
    load: true,
  },
];

for (const c of cases) {
  test(`hostile link refused: ${c.name}`, async ({ context, baseURL }) => {
    const { guard, app, share } = await openGuarded(context, baseURL!);
    const page = app.page;
    const before = await share.stored();
    expect(before.length).toBeGreaterThan(0);
    const link = c.link(baseURL!);
    const t0 = Date.now();
    if (c.load) {
      await page.goto('about:blank');
      await page.goto(link);
    } else await share.visit(link);
    const dialog = share.linkDialog();
    await expect(dialog).toHaveAccessibleName('This link cannot be opened');
    await expect(dialog.getByRole('alert')).toContainText(c.why);
    const ms = Date.now() - t0;
    await expect(dialog).toContainText('Nothing was saved');
    await expect(dialog.getByRole('button', { name: 'Open as new pipeline' })).toHaveCount(0);
    expect(await activeElements(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new URL('/', baseURL).href);
    await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
    expect(await share.stored()).toEqual(before);
    expect(attacker.requests).toEqual([]);
    await guard.assertClean(page);
    expect(app.errors).toEqual([]);
    console.log(`${c.name}: refused in ${ms} ms`);
  });
}
