export const DYNAMIC_IMPORT: string;
/** Removes the code caches of earlier bundles from `dir`. */
export function removeCodeCaches(dir: string): void;
/** Evaluates a CommonJS bundle with the code cache kept for `command`; `save` writes that cache. */
export function loadCachedBundle<Exports = Record<string, unknown>>(
  file: string,
  command: string,
): { exports: Exports; save(): void };
