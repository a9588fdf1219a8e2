// Results that other tools read: `run --json` against the committed JSON Schema (with a real
// validator), its provenance, and byte-identical output for the same scenario, seed and
// SOURCE_DATE_EPOCH.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { RESULTS_SCHEMA_FILE, resultsJsonSchema } from '../../../scripts/results-schema';
import type { ResultsDocument } from '../../../simulator';
import { buildCliFirst, placewiseWith, root } from '../support/placewise-cli';

const twoTier = join(root, 'test', 'e2e', 'fixtures', 'two-tier.yaml');
const uncertain = join(root, 'test', 'e2e', 'fixtures', 'uncertain-two-tier.yaml');
const committed = JSON.parse(readFileSync(RESULTS_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true }).compile(committed);
const EPOCH = { SOURCE_DATE_EPOCH: '1764374400' };

buildCliFirst();

function runJson(...args: string[]): { stdout: string; document: ResultsDocument } {
  const { code, stdout, stderr } = placewiseWith(EPOCH, 'run', '--json', ...args);
  expect(code, stderr).toBeLessThan(2);
  return { stdout, document: JSON.parse(stdout) as ResultsDocument };
}

describe('placewise run --json', () => {
  const plain = [twoTier, '--requests', '600'];
  let first: ReturnType<typeof runJson> | undefined;
  const firstRun = () => (first ??= runJson(...plain));

  it('validates against the committed results schema, and names its format, version, scenario hash, seed and time', () => {
    const { document } = firstRun();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(document).slice(0, 4)).toEqual([
      'format',
      'placewise_version',
      'scenario_sha256',
      'generated_at',
    ]);
    expect(document.format).toBe('placewise-results/1');
    expect(document.placewise_version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    expect(document.scenario_sha256).toBe(createHash('sha256').update(readFileSync(twoTier)).digest('hex'));
    expect(document.seed).toBe(3);
    expect(document.generated_at).toBe('2025-11-29T00:00:00.000Z');
  });

  it('validates with a Monte Carlo study and its tornado too', () => {
    const { document } = runJson(uncertain, '--requests', '300', '--monte-carlo', '4', '--workers', '1');
    expect(document.monte_carlo?.samples).toBe(4);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives byte-identical JSON for the same scenario and seed under SOURCE_DATE_EPOCH', () => {
    expect(runJson(...plain).stdout).toBe(firstRun().stdout);
  });

  it('is checked by the schema: a document without its format, or with a figure of the wrong type, fails', () => {
    const { document } = firstRun();
    const { format: _, ...unformatted } = document;
    expect(validate(unformatted)).toBe(false);
    const wrong = structuredClone(document) as unknown as { options: { latency_ms: { p95: unknown } }[] };
    wrong.options[0].latency_ms.p95 = '12 ms';
    expect(validate(wrong)).toBe(false);
  });
});

describe('the committed results schema', () => {
  it('is the one generated from the results types (run `npm run schema` after changing them)', () => {
    expect(committed).toEqual(resultsJsonSchema());
  }, 60_000);
});
