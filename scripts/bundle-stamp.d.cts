/** The repository (or installed package) the launcher runs from. */
export const ROOT: string;
/** Where the build writes which sources it read, relative to ROOT. */
export const STAMP: string;
/** Whether the bundle in `dir`/dist (the repository by default) must be rebuilt before it runs. */
export function bundleIsStale(dir?: string): boolean;
