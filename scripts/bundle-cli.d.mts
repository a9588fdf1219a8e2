/** Rebuilds dist/ when a source it was built from changed; returns the path of the CLI bundle, dist/cli.cjs. */
export function ensureCliBundle(): Promise<string>;
export function buildCliBundle(): Promise<void>;
/** Whether the bundle in `dir`/dist (the repository by default) must be rebuilt before it runs. */
export function bundleIsStale(dir?: string): boolean;
