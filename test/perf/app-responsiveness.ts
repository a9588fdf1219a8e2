// Measures the app's two responsiveness targets in browser mode and prints them:
//   page load to the default scenario's canvas and results on screen (target < 2 s), and
//   one edit re-simulated with the Compare view's table and charts redrawn, at preview fidelity (target < 300 ms),
//   and an edit's first answer (the shown option at preview fidelity) back on the UI thread (target < 100 ms),
//   both when the simulation was idle and when the edit interrupts a full-fidelity run (whose
//   worker is then ended; the edit's first answer comes from the preview worker, which stays
//   warm, see app/simulation/simulation-runner.ts). The interrupting edit is made as soon as the
//   first one's shown option is back, so it often lands in the rest of that edit's preview; a
//   second series waits until the preview is on screen and the full run is going.
// Run: npx tsx test/perf/app-responsiveness.ts   (after `npx vite build`)

import { launchChromium, startApp } from '../e2e/support/app-fixture';
import { PlacewisePage } from '../e2e/support/placewise-page';
import { describeTimings } from './support/timings';

const LOADS = 5;
const EDITS = 10;
const REFINING = '[data-testid="simulation-status"][data-fidelity="preview"][data-running="true"]';

// In the page: presses undo or redo and times until the compare table and the charts show new
// figures. Plain JavaScript text, so that the TypeScript loader's helpers stay out of the page.
const TIME_REDRAW = `(pressed) => new Promise((resolve) => {
  const table = () => document.querySelector('[data-testid="compare-table"]')?.textContent ?? '';
  const chart = () => document.querySelector('[data-testid="latency-chart"]')?.innerHTML ?? '';
  const tableBefore = table();
  const chartBefore = chart();
  performance.clearMarks('placewise:results');
  const started = performance.now();
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: pressed, ctrlKey: true, bubbles: true }));
  const check = () => {
    if (table() !== tableBefore && chart() !== chartBefore) {
      requestAnimationFrame(() => {
        const results = performance.getEntriesByName('placewise:results')[0];
        resolve([performance.now() - started, results ? results.startTime - started : NaN]);
      });
    }
    else requestAnimationFrame(check);
  };
  check();
})`;

// In the page: presses undo or redo and times until the first results reach the UI thread.
const TIME_FIRST_ANSWER = `(pressed) => new Promise((resolve) => {
  performance.clearMarks('placewise:results');
  const started = performance.now();
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: pressed, ctrlKey: true, bubbles: true }));
  const check = () => {
    const first = performance.getEntriesByName('placewise:results')[0];
    if (first) resolve(first.startTime - started);
    else setTimeout(check, 1);
  };
  check();
})`;

function timeFirstAnswer(page: PlacewisePage['page'], key: 'z' | 'y'): Promise<number> {
  return page.evaluate(`(${TIME_FIRST_ANSWER})('${key}')`) as Promise<number>;
}

/** [edit to redrawn, edit to results received from the worker], ms. */
function timeRedraw(page: PlacewisePage['page'], key: 'z' | 'y'): Promise<[number, number]> {
  return page.evaluate(`(${TIME_REDRAW})('${key}')`) as Promise<[number, number]>;
}

const browser = await launchChromium();
try {
  const loads: number[] = [];
  for (let run = 0; run < LOADS; run++) {
    const app = await startApp(browser);
    const ui = new PlacewisePage(app.page);
    const started = Date.now();
    await ui.goto(app.server.url);
    await ui.waitForCanvas();
    await ui.waitForResults();
    loads.push(Date.now() - started);
    await app.close();
  }

  const app = await startApp(browser);
  const ui = new PlacewisePage(app.page);
  await ui.goto(app.server.url);
  await ui.waitForCanvas();
  // A plain figure (the Bluetooth link's bandwidth is a range in this scenario): undo and redo
  // then alternate between two values of it.
  await ui.selectItem('links', 'phone-cloud');
  await ui.setField('mbps', '5');
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  const edits: number[] = [];
  const simulations: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const [redrawn, simulated] = await timeRedraw(ui.page, edit % 2 === 0 ? 'z' : 'y');
    edits.push(redrawn);
    simulations.push(simulated);
    await ui.waitForFullFidelity();
  }
  // The second edit of each pair lands as soon as the first one's shown option is back.
  const interrupting: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    await timeFirstAnswer(ui.page, 'z');
    interrupting.push(await timeFirstAnswer(ui.page, 'y'));
    await ui.waitForFullFidelity();
  }
  // The second edit of each pair lands once the first one's whole preview is on screen and its
  // full run is going.
  const duringFullRun: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    await timeFirstAnswer(ui.page, 'z');
    await ui.page.waitForSelector(REFINING);
    duringFullRun.push(await timeFirstAnswer(ui.page, 'y'));
    await ui.waitForFullFidelity();
  }
  await app.close();

  console.log(`page load to canvas and results:             ${describeTimings(loads)}   target < 2000 ms`);
  console.log(
    `edit to compare table and charts redrawn:    ${describeTimings(edits)}   target < 300 ms (preview fidelity)`,
  );
  console.log(
    `  of which edit to results back from worker: ${describeTimings(simulations)}   target < 100 ms (first answer)`,
  );
  console.log(`edit during a full run to its first answer:  ${describeTimings(interrupting)}   target < 100 ms`);
  console.log(`  the full run surely going (preview shown):  ${describeTimings(duringFullRun)}   target < 100 ms`);
} finally {
  await browser.close();
}
