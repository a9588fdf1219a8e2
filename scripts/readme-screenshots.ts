// Regenerates the README's screenshots of the Model view and of File › New from the app as it is
// now, in browser mode with Debian's Chromium: `npx tsx scripts/readme-screenshots.ts` after
// `npx vite build`. The other screenshots in docs/screenshots/ were taken by hand.
import { join } from 'node:path';
import { launchChromium, ROOT, startApp } from '../test/e2e/support/app-fixture';
import { PlacewisePage } from '../test/e2e/support/placewise-page';

const SHOTS = join(ROOT, 'docs', 'screenshots');

const browser = await launchChromium();
try {
  const app = await startApp(browser);
  const ui = new PlacewisePage(app.page);
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await ui.goto(app.server.url);
  await ui.waitForCanvas();
  await ui.byTestId('diagram-option').selectOption('hybrid-cached');
  await ui.selectItem('components', 'phone');
  await ui.waitForFullFidelity();
  await app.page.screenshot({ path: join(SHOTS, 'model-view.png') });
  await ui.byTestId('new').click();
  await ui.byTestId('new-cancel').waitFor();
  await app.page.screenshot({ path: join(SHOTS, 'file-new.png') });
  if (app.pageErrors.length > 0) throw new Error(`the page reported errors:\n${app.pageErrors.join('\n')}`);
  await app.close();
} finally {
  await browser.close();
}
