// Finds a Chromium for rendering Mermaid (SVG, PNG, the HTML report's diagrams). Nothing is
// downloaded: the machines this runs on have no network, so the browser must already be there.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ENV = 'PLACEWISE_CHROMIUM';
const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** No browser to render with; the message says where Placewise looked and what to do. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/**
 * The Chromium executable to use, in this order: the `PLACEWISE_CHROMIUM` environment
 * variable, the system's Chromium or Chrome, Playwright's own browser.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env[CHROMIUM_ENV];
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(
      `${CHROMIUM_ENV} is set to '${fromEnv}', which does not exist: point it at a Chromium or Chrome executable`,
    );
  }
  const playwrights = playwrightChromium();
  const candidates = playwrights === undefined ? SYSTEM_CHROMIUMS : [...SYSTEM_CHROMIUMS, playwrights];
  const found = candidates.find(exists);
  if (found) return found;
  throw new ChromiumNotFoundError(
    `no Chromium found to render SVG and PNG (looked at ${candidates.join(', ')}): install Chromium (e.g. apt-get install chromium) or set ${CHROMIUM_ENV} to a Chromium or Chrome executable; the mmd and md formats need no browser`,
  );
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser registered for this platform.
    return undefined;
  }
}
