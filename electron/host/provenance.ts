// Where a run's results and reports came from: the scenario text's SHA-256, this Placewise's
// version, and the time. Node-side (hashing, the package manifest); the CLI and the app's host
// both stamp their output with it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { RESULTS_FORMAT, type ResultsProvenance } from '../../simulator/results-json';
import { findPackageRoot } from './package-root';

let version: string | undefined;

/** This Placewise's version, from its package.json. */
export function placewiseVersion(): string {
  version ??= findPackageRoot(import.meta.url).version;
  return version;
}

/**
 * SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) fixes the time,
 * so that the same scenario and seed give byte-identical output; otherwise it is now.
 */
export function generatedAt(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000).toISOString();
  return new Date(now()).toISOString();
}

// SHA-256 in JavaScript rather than node:crypto: loading node:crypto is some 7 ms of every
// `placewise run`, and a scenario (at most a few megabytes) hashes in a few milliseconds.
const encoder = new TextEncoder();

export function scenarioSha256(scenarioText: string | Uint8Array): string {
  return bytesToHex(sha256(typeof scenarioText === 'string' ? encoder.encode(scenarioText) : scenarioText));
}

export function resultsProvenance(scenarioText: string | Uint8Array, env?: NodeJS.ProcessEnv): ResultsProvenance {
  return {
    format: RESULTS_FORMAT,
    placewise_version: placewiseVersion(),
    scenario_sha256: scenarioSha256(scenarioText),
    generated_at: generatedAt(env),
  };
}
