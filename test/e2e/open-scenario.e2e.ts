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
