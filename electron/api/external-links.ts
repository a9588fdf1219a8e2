// Which links may leave the app for the user's browser: https only, to a short list of hosts,
// without credentials or an unusual port. One rule for both shells: Electron's main process
// checks it before shell.openExternal (the OS would also open file:, smb: or a custom scheme
// handler), and browser mode before window.open. Pure, so the renderer can import it.

/** The hosts the app links to: its documentation and that of the tools it builds on. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'github.com', // Placewise's own repository and issues
  'onnxruntime.ai', // onnxruntime's documentation (benchmark settings)
  'www.electronjs.org', // Electron's documentation (the desktop app's security)
  'adr.github.io', // architecture decision records, which the decision report follows
];

export function isAllowedExternalLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_LINK_HOSTS.includes(parsed.hostname)
  );
}

export function refusedLinkMessage(url: string): string {
  return `refusing to open ${url}: only https links to ${EXTERNAL_LINK_HOSTS.join(', ')} leave the app`;
}
