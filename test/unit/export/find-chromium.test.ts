import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium } from '../../../electron/host/export/find-chromium';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('findChromium', () => {
  it('takes PLACEWISE_CHROMIUM first', () => {
    expect(findChromium({ PLACEWISE_CHROMIUM: '/opt/chrome' }, only('/opt/chrome', '/usr/bin/chromium'))).toBe(
      '/opt/chrome',
    );
  });

  it('says so when PLACEWISE_CHROMIUM points nowhere, rather than silently using another browser', () => {
    expect(() => findChromium({ PLACEWISE_CHROMIUM: '/nope' }, only('/usr/bin/chromium'))).toThrow(
      "PLACEWISE_CHROMIUM is set to '/nope', which does not exist",
    );
  });

  it('falls back to the system Chromium, then Chrome', () => {
    expect(findChromium({}, only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toBe('/usr/bin/chromium');
    expect(findChromium({}, only('/usr/bin/google-chrome'))).toBe('/usr/bin/google-chrome');
  });

  it('names the places it looked and what to do when there is no browser', () => {
    const attempt = () => findChromium({}, only());
    expect(attempt).toThrow(ChromiumNotFoundError);
    expect(attempt).toThrow(/looked at \/usr\/bin\/chromium, \/usr\/bin\/chromium-browser, \/usr\/bin\/google-chrome/);
    expect(attempt).toThrow(/set PLACEWISE_CHROMIUM/);
  });
});
