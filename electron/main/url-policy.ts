// Which URLs the desktop window may show (links that may leave it: ../api/external-links.ts):
// small pure functions, tested without Electron.

export const APP_SCHEME = 'app';
export const APP_HOST = 'placewise';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** A page of the app itself (served from the packaged renderer). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file of the packaged renderer a request asks for, or null when it would leave the folder. */
export function appFileFor(url: string): string | null {
  if (!isAppUrl(url)) return null;
  const path = decodeURIComponent(new URL(url).pathname);
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..' || segment.includes('\\')) || relative.includes('\0'))
    return null;
  return relative;
}
