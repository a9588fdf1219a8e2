// The app's screen as the tests see it: selectors in one place, actions in the user's words.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS } from './app-fixture';

export class PlacewisePage {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** The text of the element with this test id, at once ('' when absent). */
  async text(testId: string): Promise<string> {
    return (await this.byTestId(testId).allTextContents()).join('\n').trim();
  }

  /** The Mermaid diagram of the Export view. */
  get diagram(): Locator {
    return this.byTestId('diagram');
  }

  get canvas(): Locator {
    return this.byTestId('canvas');
  }

  get compareTable(): Locator {
    return this.byTestId('compare-table');
  }

  canvasNode(componentId: string): Locator {
    return this.byTestId(`canvas-node-${componentId}`);
  }

  canvasEdge(linkId: string): Locator {
    return this.byTestId(`canvas-edge-${linkId}`);
  }

  /** A step's chip (or a fallback's, a cache's) on the canvas. */
  chip(step: string, kind: 'step' | 'fallback' | 'cache' = 'step'): Locator {
    return this.byTestId(`canvas-chip-${kind}-${step}`);
  }

  /** Waits until the canvas shows this component, measured and visible (React Flow hides nodes until then). */
  async waitForCanvas(componentId?: string): Promise<void> {
    await this.page.waitForFunction((id) => {
      const node = document
        .querySelector(id ? `[data-testid="canvas-node-${id}"]` : '[data-testid^="canvas-node-"]')
        ?.closest('.react-flow__node');
      return node !== null && node !== undefined && getComputedStyle(node).visibility === 'visible';
    }, componentId ?? null);
  }

  /** The canvas's text (components, chips, links and their figures), as a reader sees it. */
  async canvasText(): Promise<string> {
    return (await this.canvas.textContent()) ?? '';
  }

  async waitForCanvasText(text: string, present = true): Promise<void> {
    await this.page.waitForFunction(
      ([expected, wanted]) =>
        (document.querySelector('[data-testid="canvas"]')?.textContent?.includes(expected as string) ?? false) ===
        wanted,
      [text, present] as const,
    );
  }

  /** Waits until the Export view's diagram holds a rendered SVG; returns the number of renders so far. */
  async waitForDiagram(afterRenders = 0): Promise<number> {
    await this.page.waitForFunction((count) => {
      const element = document.querySelector('[data-testid="diagram"]');
      return element?.querySelector('svg') !== null && Number(element?.getAttribute('data-renders')) > count;
    }, afterRenders);
    return Number(await this.diagram.getAttribute('data-renders'));
  }

  /** Drags with the mouse in steps, as a person does (React Flow and the chips follow pointer moves). */
  async drag(from: Locator, to: { x: number; y: number }): Promise<void> {
    const box = (await from.boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await this.page.mouse.up();
  }

  async centreOf(locator: Locator): Promise<{ x: number; y: number }> {
    const box = (await locator.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Draws a link: from the component's handle to the middle of the other component. */
  async connect(from: string, to: string): Promise<void> {
    await this.drag(this.byTestId(`canvas-handle-${from}`), await this.centreOf(this.canvasNode(to)));
  }

  /** Drags a chip onto another component. */
  async moveChip(chip: Locator, toComponent: string): Promise<void> {
    const box = (await this.canvasNode(toComponent).boundingBox())!;
    await this.drag(chip, { x: box.x + box.width / 2, y: box.y + 20 });
  }

  async waitForFullFidelity(): Promise<void> {
    await this.page.waitForSelector('[data-testid="simulation-status"][data-fidelity="full"][data-running="false"]');
  }

  /** Waits until some results (preview or full) are on screen. */
  async waitForResults(): Promise<void> {
    await this.page.waitForSelector('[data-testid="simulation-status"]:not([data-fidelity="none"])');
  }

  async showView(view: 'model' | 'compare' | 'capacity' | 'benchmark' | 'export'): Promise<void> {
    await this.byTestId(`view-${view}`).click();
  }

  async selectItem(section: string, id: string): Promise<void> {
    await this.byTestId(`outline-${section}-${id}`).click();
  }

  /** Types a value into an inspector field and commits it with Enter. */
  async setField(path: string, value: string): Promise<void> {
    const field = this.byTestId(`field-${path}`);
    await field.fill(value);
    await field.press('Enter');
  }

  /**
   * An inspector control by the scenario path it edits (the test contract's data-path), and which
   * control of that value when it has several (data-part: kind, form, uncertainty, add, ...).
   */
  input(path: string, part?: string): Locator {
    return this.page.locator(
      part ? `[data-path="${path}"][data-part="${part}"]` : `[data-path="${path}"]:not([data-part])`,
    );
  }

  /** Types a number or text into the inspector input that edits `path`, and commits it. */
  async typeAt(path: string, value: string): Promise<void> {
    const field = this.input(path);
    await field.fill(value);
    await field.press('Enter');
  }

  async chooseField(path: string, value: string): Promise<void> {
    await this.byTestId(`field-${path}`).selectOption(value);
  }

  async add(section: string): Promise<void> {
    await this.byTestId(`add-${section}`).click();
  }

  /** The canvas headline of the option shown: its p95 in ms, or its monthly cost in US dollars. */
  async canvasFigure(figure: 'p95' | 'cost'): Promise<number> {
    const text = await this.text(`canvas-${figure}`);
    // "p95 745 ms", "p95 1,664 ms", "p95 14.4 s"; "$16,817 a month".
    const match = figure === 'p95' ? /([\d,.]+) (ms|s)\b/.exec(text) : /\$([\d,.]+)/.exec(text);
    if (!match) throw new Error(`no figure in canvas-${figure}: '${text}'`);
    return Number(match[1].replaceAll(',', '')) * (match[2] === 's' ? 1000 : 1);
  }

  async compareRowText(optionId: string): Promise<string> {
    return this.text(`compare-row-${optionId}`);
  }

  async openPath(path: string): Promise<void> {
    await this.byTestId('open').click();
    await this.byTestId('path-input').fill(path);
    await this.byTestId('path-confirm').click();
  }

  /** Opens a worked example by its scenario name from the Examples list. */
  async openExample(name: string): Promise<void> {
    await this.byTestId('examples').selectOption({ label: name });
  }

  async saveAs(path: string): Promise<void> {
    await this.byTestId('save-as').click();
    await this.byTestId('path-input').fill(path);
    await this.byTestId('path-confirm').click();
  }

  /** Runs a Monte Carlo study of this many samples from the Compare view's uncertainty panel. */
  async runMonteCarlo(samples: number): Promise<void> {
    await this.byTestId('uncertainty-samples').fill(String(samples));
    await this.byTestId('uncertainty-run').click();
  }

  async screenshot(name: string): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  }
}
