// The user's actions, counted: each click, drag, key press and typed field is one action, so a
// test can say how much work a task takes in the app.
import type { Locator } from 'playwright-core';
import type { PlacewisePage } from './placewise-page';

export class CountedActions {
  count = 0;

  constructor(readonly ui: PlacewisePage) {}

  async click(target: Locator): Promise<void> {
    this.count++;
    await target.click();
  }

  /** Types a value into a field and commits it with Enter: one action. */
  async type(field: Locator, text: string): Promise<void> {
    this.count++;
    await field.fill(text);
    await field.press('Enter');
  }

  async press(keys: string): Promise<void> {
    this.count++;
    await this.ui.page.keyboard.press(keys);
  }

  async drag(from: Locator, to: Locator): Promise<void> {
    this.count++;
    await this.ui.drag(from, await this.ui.centreOf(to));
  }
}
