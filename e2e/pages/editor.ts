/** Page object of the Petroflow editor: the journeys in e2e/editor*.spec.ts speak through it. */
import { expect, type Locator, type Page } from '@playwright/test';

/** A file to drop or choose. */
export interface TestFile {
  readonly name: string;
  readonly content: string;
}

/** The editor page. */
export class EditorPage {
  readonly errors: string[] = [];
  constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /** Opens the app and waits until stored work is loaded. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  }

  /** Opens a sidebar tab (Operators, Files, Pipelines). */
  async tab(name: 'Operators' | 'Files' | 'Pipelines'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Adds files through the "Add files" input. */
  async addFilesWithInput(files: readonly TestFile[]): Promise<void> {
    await this.tab('Files');
    await this.page.getByLabel('Add files').setInputFiles(
      files.map((f) => ({
        name: f.name,
        mimeType: 'text/plain',
        buffer: Buffer.from(f.content),
      })),
    );
  }

  /** Drops files on the window with a synthetic drop event carrying a DataTransfer. */
  async dropFiles(files: readonly TestFile[]): Promise<void> {
    await this.page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.content], f.name, { type: 'text/plain' }));
      const target = document.querySelector('.canvas') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }),
        );
      }
    }, files);
  }

  /** The library entry of a file. */
  file(name: string): Locator {
    return this.page.getByTestId(`file-${name}`);
  }

  /** Adds an operator from the palette by its title. */
  async addOperator(title: string): Promise<void> {
    await this.tab('Operators');
    await this.page.getByRole('button', { name: `Add ${title}`, exact: true }).click();
  }

  /** A canvas node. */
  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  /** Selects a node by clicking its title. */
  async select(id: string): Promise<void> {
    await this.node(id).locator('.op-title').click();
  }

  /** Drags a connection from an output port to an input port. */
  async connect(from: string, fromPort: string, to: string, toPort: string): Promise<void> {
    const src = this.page.locator(
      `.react-flow__handle.source[data-nodeid="${from}"][data-handleid="${fromPort}"]`,
    );
    const dst = this.page.locator(
      `.react-flow__handle.target[data-nodeid="${to}"][data-handleid="${toPort}"]`,
    );
    // Layout and fit-view animate: wait until both handles stop moving before dragging.
    const box = async (l: Locator) => {
      const r = await l.boundingBox();
      if (!r) throw new Error('handle not visible');
      return r;
    };
    let a = await box(src);
    let b = await box(dst);
    for (let i = 0; i < 40; i++) {
      await this.page.waitForTimeout(150);
      const a2 = await box(src);
      const b2 = await box(dst);
      const still = a2.x === a.x && a2.y === a.y && b2.x === b.x && b2.y === b.y;
      a = a2;
      b = b2;
      if (still) break;
    }
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await this.page.waitForTimeout(100);
    await this.page.mouse.move(b.x + b.width / 2 + 1, b.y + b.height / 2, { steps: 2 });
    await this.page.mouse.up();
  }

  /** A field of the inspector's parameter form. */
  param(label: string | RegExp): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' }).getByLabel(label);
  }

  /** The preview grid. */
  grid(): Locator {
    return this.page.getByRole('grid', { name: 'Preview' });
  }

  /** Clicks a top-bar command. */
  async command(
    name: 'Run' | 'Cancel' | 'Undo' | 'Redo' | 'Auto layout' | 'Export',
  ): Promise<void> {
    await this.page
      .getByRole('toolbar', { name: 'Pipeline commands' })
      .getByRole('button', { name, exact: true })
      .click();
  }

  /** Waits for everything to be saved. */
  async saved(): Promise<void> {
    await expect(this.page.getByText('All changes saved')).toBeVisible();
  }

  /** Saves a screenshot under test-results/. */
  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/${name}.png` });
  }
}
