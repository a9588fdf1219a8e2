import { expect, test } from 'vitest';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

test('the default scenario opens on the canvas', async () => {
  const { app, ui } = await suite.start();
  const started = performance.now();
  await ui.goto(app.server.url);
  await ui.waitForCanvas('glasses');
  await ui.waitForResults();
  console.log(`page load to canvas and results: ${Math.round(performance.now() - started)} ms`);
  expect(await ui.canvasText()).toContain('Translation service');
  await expect.poll(() => ui.text('document-title')).toContain('AR street-sign translation');
  await ui.screenshot('model-view');
  expect(app.pageErrors).toEqual([]);
});

test('the first paint already shows the start scenario, never an empty window', async () => {
  const { app, ui } = await suite.start();
  // Records the document title each time the page's DOM changes, from before the app's script runs.
  await app.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { titlesSeen: string[] }).titlesSeen = seen;
    new MutationObserver(() => {
      const title = document.querySelector('[data-testid="document-title"]')?.textContent;
      const hint = document.querySelector('main .hint')?.textContent;
      for (const text of [title, hint]) if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await ui.goto(app.server.url);
  await ui.waitForCanvas();
  const seen = await app.page.evaluate(() => (window as unknown as { titlesSeen: string[] }).titlesSeen);
  expect(seen[0]).toContain('AR street-sign translation');
  expect(seen.join('\n')).not.toMatch(/No scenario|Open a scenario/);
  expect(app.pageErrors).toEqual([]);
});
