// Builds the smartwatch voice assistant of issue 11 from File › New, with the canvas and the
// inspector only: a watch, a phone and a cloud; wake word, speech recognition and an intent
// model; three options; four budgets; saved to a file. Shared by its end-to-end test and by the
// benchmark that prints how many actions it takes.
import { CountedActions } from './user-actions';
import type { PlacewisePage } from './placewise-page';

export async function buildSmartwatch(ui: PlacewisePage, path: string): Promise<number> {
  const act = new CountedActions(ui);
  const field = (key: string) => ui.byTestId(`field-${key}`);

  // The hybrid starting point: a wearable (the default device), a phone and a cloud, linked, and
  // three options (on the phone, in the cloud, cloud with a fallback on the phone).
  await act.click(ui.byTestId('new'));
  await act.click(ui.byTestId('new-pattern-hybrid'));
  await ui.waitForCanvas('wearable');
  // With nothing selected the inspector edits the scenario itself.
  await act.type(field('name'), 'Smartwatch voice assistant');

  await act.click(ui.canvasNode('wearable').locator('.component-name'));
  await act.type(field('id'), 'watch');

  for (const [from, to] of [
    ['capture', 'wake-word'],
    ['analyse', 'speech-recognition'],
    ['decide', 'intent'],
  ]) {
    await act.click(ui.byTestId(`strip-step-${from}`));
    await act.type(field('id'), to);
  }
  for (const [from, to] of [
    ['large-model', 'asr-model'],
    ['small-model', 'intent-model'],
  ]) {
    await act.click(ui.byTestId(`outline-models-${from}`));
    await act.type(field('id'), to);
  }

  await act.click(ui.byTestId('outline-budgets'));
  await act.type(field('latency_ms.p95'), '800');
  await act.type(field('monthly_usd'), '5000');
  await act.type(field('battery_hours'), '12');
  await act.type(field('offline_success'), '0.9');

  // Ctrl+S on a new scenario asks where to save it.
  await act.press('Control+s');
  await act.type(ui.byTestId('path-input'), path);
  return act.count;
}
