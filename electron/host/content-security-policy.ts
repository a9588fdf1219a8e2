// The renderer's Content-Security-Policy, the same in Electron and in browser mode: scripts
// and workers only from the app itself; inline styles are allowed because Mermaid and
// recharts style their SVG inline; no remote connections at all.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Sent as a header with every file of the app (app-protocol.ts, http-server.ts). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The same policy as app/index.html's <meta> tag, so that it holds wherever the page is loaded
 * and tools that read the page (Electronegativity, Electron's own warning) see it. Browsers
 * ignore frame-ancestors in a meta tag, with a console warning, so only the header carries it.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ');
