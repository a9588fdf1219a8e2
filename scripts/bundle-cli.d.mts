/** Rebuilds dist/ when a source is newer than the bundle; returns the CLI bundle's file URL. */
export function ensureCliBundle(): Promise<string>;
export function buildCliBundle(): Promise<void>;
