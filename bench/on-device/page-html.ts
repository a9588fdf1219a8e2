// The benchmark page and the headers every response of the benchmark server carries. The page
// runs one script of the server's own and talks to nothing else: a strict content security
// policy, cross-origin isolation (COOP/COEP) so that onnxruntime-web may use worker threads,
// and no referrer, so the one-time token in the URL is not passed anywhere.

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>placewise bench on this device</title>
<script type="module" src="page.js"></script>
</head>
<body>
<h1>placewise bench</h1>
<p id="status" role="status">Starting…</p>
<noscript>This benchmark needs JavaScript.</noscript>
</body>
</html>
`;

// 'wasm-unsafe-eval' lets WebAssembly compile; it allows no JavaScript eval.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
