/**
 * Page object for share links: making a link with the Share dialog, opening links, reading what is
 * stored in IndexedDB, and a guard that records every request and every sign of script execution.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './editor.ts';

/** A link `<base>/#pipeline=<payload>` for some pipeline JSON text (made as the spec says). */
export function linkFor(baseURL: string, json: string): string {
  return `${new URL('/', baseURL).href}#pipeline=${deflateSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

/** A link with a payload given as is (for broken and hostile payloads). */
export function rawLink(baseURL: string, payload: string): string {
  return `${new URL('/', baseURL).href}#pipeline=${payload}`;
}

/** One stored pipeline record as IndexedDB holds it. */
export interface StoredPipeline {
  readonly key: string;
  readonly value: unknown;
}

/**
 * Watches a browser context: every request URL (routed, so workers' requests are seen too) and a
 * binding that hostile payloads call if they ever run (`window.__pwnedCall()`).
 */
export class Guard {
  readonly requests: string[] = [];
  readonly pwnedCalls: string[] = [];
  private constructor(readonly origin: string) {}

  /** Starts watching `context` (call before any page of it opens). */
  static async watch(context: BrowserContext, baseURL: string): Promise<Guard> {
    const g = new Guard(new URL(baseURL).origin);
    await context.route('**/*', (route) => {
      g.requests.push(route.request().url());
      return route.continue();
    });
    context.on('request', (r) => g.requests.push(r.url()));
    await context.exposeBinding('__pwnedCall', (_source, what: unknown) => {
      g.pwnedCalls.push(String(what));
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return g;
  }

  /** Requests that went anywhere but the app's origin (data: and blob: are local). */
  offOrigin(): string[] {
    return this.requests.filter(
      (u) => !u.startsWith(`${this.origin}/`) && !/^(data|blob):/.test(u),
    );
  }

  /** Asserts that nothing left the origin, no hostile script ran and the CSP blocked nothing. */
  async assertClean(page: Page): Promise<void> {
    expect(this.requests.length, 'the guard saw the app load').toBeGreaterThan(0);
    expect(this.offOrigin()).toEqual([]);
    expect(this.pwnedCalls).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const csp = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations,
    );
    expect(csp, 'Content-Security-Policy violations').toEqual([]);
  }
}

/** The share journeys, on top of the editor page object. */
export class SharePage {
  constructor(readonly app: EditorPage) {}

  get page(): Page {
    return this.app.page;
  }

  /** The dialog of an incoming link (whatever its state). */
  linkDialog(): Locator {
    return this.page.getByRole('dialog', {
      name: /Open a shared pipeline\?|This link cannot be opened|Checking the shared link/,
    });
  }

  /** The Share dialog. */
  shareDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Share this pipeline' });
  }

  /** Opens the Share dialog and returns the link it shows. */
  async makeLink(): Promise<string> {
    await this.page
      .getByRole('toolbar', { name: 'Pipeline commands' })
      .getByRole('button', { name: 'Share', exact: true })
      .click();
    const box = this.shareDialog().getByRole('textbox', { name: 'Share link' });
    await expect(box).toHaveValue(/#pipeline=/);
    return box.inputValue();
  }

  /** Goes to a link in the open page (a same-document navigation: the app sees `hashchange`). */
  async visit(link: string): Promise<void> {
    await this.page.evaluate((url) => {
      window.location.hash = new URL(url).hash;
    }, link);
  }

  /** Accepts the link shown in the dialog and waits until it is open and saved. */
  async accept(): Promise<void> {
    await this.linkDialog().getByRole('button', { name: 'Open as new pipeline' }).click();
    await expect(this.linkDialog()).toBeHidden();
    await this.app.saved();
  }

  /** The pipeline records in IndexedDB (key and stored value), sorted by key. */
  async stored(): Promise<StoredPipeline[]> {
    return this.page.evaluate(
      () =>
        new Promise<StoredPipeline[]>((resolve, reject) => {
          const open = indexedDB.open('petroflow');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const db = open.result;
            const store = db.transaction('pipelines', 'readonly').objectStore('pipelines');
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => {
              db.close();
              const rows = (keys.result as string[]).map((key, i) => ({
                key,
                value: values.result[i] as unknown,
              }));
              resolve(rows.sort((a, b) => a.key.localeCompare(b.key)));
            };
            values.onerror = () => reject(new Error(String(values.error)));
          };
        }),
    );
  }

  /** Exports the pipeline being edited as JSON (Export menu) and returns the parsed file. */
  async exportJson(): Promise<Record<string, unknown>> {
    const download = this.page.waitForEvent('download');
    await this.app.command('Export');
    await this.page.getByRole('menuitem', { name: 'Pipeline (JSON)' }).click();
    const path = await (await download).path();
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  }
}

/** A local "attacker" HTTP server on a free port of 127.0.0.1 that records every request. */
export interface Attacker {
  readonly port: number;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Starts the attacker server (hostile payloads point at it; it must never be reached). */
export async function startAttacker(): Promise<Attacker> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.setHeader('access-control-allow-origin', '*');
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A page of `context` with a guard watching it, the editor open and ready. */
export async function openGuarded(
  context: BrowserContext,
  baseURL: string,
): Promise<{ guard: Guard; app: EditorPage; share: SharePage }> {
  const guard = await Guard.watch(context, baseURL);
  const app = new EditorPage(await context.newPage());
  await app.open();
  return { guard, app, share: new SharePage(app) };
}

/**
 * Elements that could run or load something: any `on*` attribute, a `javascript:` URL in a URL
 * attribute, a script, an SVG outside the canvas, an image not from data:/blob:. Empty when
 * hostile text was rendered as text.
 */
export async function activeElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);
    return [...document.querySelectorAll('body *')]
      .filter(
        (el) =>
          el.tagName === 'SCRIPT' ||
          [...el.attributes].some(
            (a) =>
              a.name.toLowerCase().startsWith('on') ||
              (urlAttrs.has(a.name.toLowerCase()) && /^\s*javascript:/i.test(a.value)),
          ) ||
          (el.tagName.toLowerCase() === 'svg' && el.closest('.react-flow') === null) ||
          (el.tagName === 'IMG' && !/^(data|blob):/.test((el as HTMLImageElement).src)),
      )
      .map((el) =>
        `<${el.tagName.toLowerCase()} ${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}>`.slice(
          0,
          160,
        ),
      );
  });
}
