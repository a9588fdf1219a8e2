// The API over HTTP (browser mode): one POST per call to /api/<method>, with the token the
// server wrote into the page.
import { API_METHODS, type ApiMethod, type PlacewiseApi, TOKEN_HEADER } from '../../electron/api/contract';
import { isAllowedExternalLink, refusedLinkMessage } from '../../electron/api/external-links';

export function createHttpApiClient(token: string, baseUrl: string): PlacewiseApi {
  const call = async (method: ApiMethod, args: unknown[]): Promise<unknown> => {
    const response = await fetch(new URL(`api/${method}`, baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify({ args }),
    });
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) throw new Error(`${method}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { ok: true; value: unknown } | { ok: false; error: string };
    if (!body.ok) throw new Error(body.error);
    return body.value;
  };
  const client = Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]));
  return {
    ...(client as unknown as PlacewiseApi),
    // A browser opens links itself, by the desktop app's rule; the host never needs to.
    openExternal: async (url) => {
      if (!isAllowedExternalLink(url)) throw new Error(refusedLinkMessage(url));
      window.open(new URL(url).href, '_blank', 'noopener,noreferrer');
    },
  };
}
