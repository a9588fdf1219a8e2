// The one place the desktop app hands a URL to the operating system, which would open any
// scheme it has a handler for (file:, smb:, a custom protocol): only links that pass
// isAllowedExternalLink get there.
import type { Shell } from 'electron';
import { ApiError } from '../api/contract';
import { isAllowedExternalLink, refusedLinkMessage } from '../api/external-links';

export type OpenLink = (url: string) => Promise<void>;

export function linkOpener(shell: Pick<Shell, 'openExternal'>): OpenLink {
  return async (url) => {
    if (!isAllowedExternalLink(url)) throw new ApiError(refusedLinkMessage(url));
    await shell.openExternal(url);
  };
}
