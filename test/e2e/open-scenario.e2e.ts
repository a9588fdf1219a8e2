import { expect, test } from 'vitest';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

test('the default scenario opens and its diagram renders', async () => {
  const { app, ui } = await suite.start();
  const started = performance.now();
  await ui.goto(app.server.url);
  await ui.waitForDiagram();
  await ui.waitForResults();
  console.log(`page load to diagram and results: ${Math.round(performance.now() - started)} ms`);
  expect((await ui.diagramText()).includes('glasses')).toBe(true);
  await expect.poll(() => ui.text('document-title')).toContain('AR street-sign translation');
  await ui.screenshot('model-view');
  expect(app.pageErrors).toEqual([]);
});
