// The renderer's Content-Security-Policy, the same in Electron and in browser mode: scripts
// and workers only from the app itself; inline styles are allowed because Mermaid and
// recharts style their SVG inline; no remote connections at all.
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');
