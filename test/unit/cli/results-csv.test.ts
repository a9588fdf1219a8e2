// `placewise export --format csv` read back with a real CSV parser, as pandas' read_csv and
// duckdb's read_csv would read it: one header, the same columns in every row, quoted fields.
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultsCsv } from '../../../simulator/export/results-csv';
import type { ResultsDocument } from '../../../simulator';
import { AR_RESULTS } from '../export/fixtures/ar-results';
import { PROVENANCE } from '../export/report-fixtures';
import { buildCliFirst, placewise, root } from '../support/placewise-cli';

const uncertain = join(root, 'test', 'e2e', 'fixtures', 'uncertain-two-tier.yaml');

buildCliFirst();

/** Every record as a column-to-text map; the parser throws on a row of another length. */
function readCsv(text: string): { columns: string[]; records: Record<string, string>[] } {
  const rows = parse(text, { relax_column_count: false }) as string[][];
  const [columns, ...data] = rows;
  expect(new Set(columns).size).toBe(columns.length);
  return { columns, records: data.map((row) => Object.fromEntries(columns.map((name, index) => [name, row[index]]))) };
}

describe('placewise export --format csv', () => {
  const args = ['--requests', '400', '--seed', '5'];
  let json: ResultsDocument;
  let csv: ReturnType<typeof placewise>;
  beforeAll(() => {
    json = JSON.parse(placewise('run', uncertain, '--json', ...args).stdout) as ResultsDocument;
    const samples = ['--samples', '3', '--workers', '1'];
    csv = placewise('export', uncertain, '--format', 'csv', '--out', '-', ...samples, ...args);
  });

  it('writes one row per option with every figure and budget verdict of the JSON, then one per sample and option', () => {
    expect(csv.code, csv.stderr).toBe(0);
    const { records } = readCsv(csv.stdout);
    const options = records.filter((record) => record.row === 'option');
    expect(options.map((record) => record.option)).toEqual(json.options.map((option) => option.id));
    json.options.forEach((option, index) => {
      const record = options[index];
      expect(Number(record['latency_ms.p95'])).toBe(option.latency_ms.p95);
      expect(Number(record['monthly_usd.total'])).toBe(option.monthly_usd.total);
      expect(record.scenario_sha256).toBe(json.scenario_sha256);
      for (const verdict of option.budgets) {
        expect(record[`budgets.${verdict.name}.limit`]).toBe(String(verdict.limit));
        expect(record[`budgets.${verdict.name}.value`]).toBe(verdict.value === null ? '' : String(verdict.value));
        expect(record[`budgets.${verdict.name}.pass`]).toBe(String(verdict.pass));
      }
      expect(record.pass).toBe(String(option.pass));
      for (const link of option.links) expect(Number(record[`links.${link.id}.gb_per_month`])).toBe(link.gb_per_month);
    });
    const samples = records.filter((record) => record.row === 'sample');
    expect(samples.map((record) => `${record.sample}:${record.option}`)).toEqual(
      [0, 1, 2].flatMap((sample) => json.options.map((option) => `${sample}:${option.id}`)),
    );
    // Each sample names the values it drew; numbers read as numbers.
    for (const record of samples) {
      expect(Number.isFinite(Number(record['uncertain.links[0].mbps']))).toBe(true);
      expect(Number.isFinite(Number(record['latency_ms.p95']))).toBe(true);
      expect(['true', 'false']).toContain(record['budgets.latency_ms.p95.pass']);
    }
  });

  it('refuses --samples for a scenario with no uncertain values (exit 2)', () => {
    const plain = placewise(
      'export',
      join(root, 'test', 'e2e', 'fixtures', 'two-tier.yaml'),
      '--format',
      'csv',
      '--out',
      '-',
      '--samples',
      '2',
    );
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('--samples: the scenario has no uncertain values to sample');
  });
});

describe('the CSV text', () => {
  it('quotes what needs quoting, so labels with commas, quotes and line breaks read back whole', () => {
    const label = 'Cloud, "big" GPU\nsecond line';
    const results = { ...AR_RESULTS, options: [{ ...AR_RESULTS.options[0], label }] };
    const { records } = readCsv(resultsCsv({ results, provenance: PROVENANCE }));
    expect(records).toHaveLength(1);
    expect(records[0].label).toBe(label);
    expect(records[0].scenario).toBe(AR_RESULTS.scenario);
  });

  it('keeps one column set across options that use different links and components', () => {
    const { columns, records } = readCsv(resultsCsv({ results: AR_RESULTS, provenance: PROVENANCE }));
    const linkColumns = columns.filter((name) => name.startsWith('links.'));
    const everyLink = new Set(AR_RESULTS.options.flatMap((option) => option.links.map((link) => link.id)));
    expect(linkColumns).toHaveLength(everyLink.size * 3);
    // Columns of a kind sit together, whichever option first had them.
    const firstLink = columns.indexOf(linkColumns[0]);
    expect(columns.slice(firstLink, firstLink + linkColumns.length)).toEqual(linkColumns);
    expect(records).toHaveLength(AR_RESULTS.options.length);
  });
});
