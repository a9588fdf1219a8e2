// The loader's error paths: every problem reported at once as PATH: message, with lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenarioText } from '../../../simulator';

const arText = readFileSync(new URL('../../../scenarios/ar-translation.yaml', import.meta.url), 'utf8');

function errorsOf(text: string): string[] {
  const parsed = parseScenarioText(text);
  if (parsed.ok) throw new Error('expected the scenario to be rejected');
  return parsed.errors.map((error) => formatScenarioError('s.yaml', error));
}

describe('loading scenarios', () => {
  it('reads the AR scenario', () => {
    const parsed = parseScenarioText(arText);
    expect(parsed.ok).toBe(true);
  });

  it('reads JSON as well as YAML', () => {
    const parsed = parseScenarioText(arText);
    if (!parsed.ok) throw new Error('AR scenario invalid');
    const again = parseScenarioText(JSON.stringify(parsed.scenario));
    expect(again.ok && again.scenario).toEqual(parsed.scenario);
  });

  it('reports malformed YAML with its line', () => {
    const errors = errorsOf('placewise: 1\nname: [unclosed\n');
    expect(errors[0]).toMatch(/^s\.yaml: \(file\): not valid YAML or JSON: .*\(line \d+\)$/);
  });

  it('reports malformed JSON', () => {
    expect(errorsOf('{"placewise": 1, "name": }')[0]).toMatch(/not valid YAML or JSON/);
  });

  it('rejects another format version', () => {
    const errors = errorsOf(arText.replace('placewise: 1', 'placewise: 2'));
    expect(errors).toContain(
      's.yaml: placewise: unsupported format version: this Placewise reads version 1 (placewise: 1) (line 2)',
    );
  });

  it('reports unknown ids with the known ones, all at once', () => {
    const text = arText
      .replace(
        '    model: nmt\n    output_kb: 0.3                    # translated text',
        '    model: nmt2\n    output_kb: 0.3',
      )
      .replace('hardware: phone-midrange', 'hardware: phone-ultra')
      .replace('decision: hybrid-cached', 'decision: hybrid-cashed');
    const errors = errorsOf(text);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^s\.yaml: pipeline\[3\]\.model: unknown model 'nmt2' \(known: ocr-det, ocr-rec, nmt, nmt-small, nllb\) \(line \d+\)$/,
        ),
        expect.stringMatching(
          /^s\.yaml: components\[1\]\.hardware: unknown hardware 'phone-ultra' \(known: glass-explorer, .*\)/,
        ),
        expect.stringMatching(/^s\.yaml: decision: unknown option 'hybrid-cashed'/),
      ]),
    );
  });

  it('reports a range error and an unknown reference together, each with its line', () => {
    const text = arText.replace('mbps: { range: [2.1, 3] }', 'mbps: -5').replace(/model: nmt\n/, 'model: nmt2\n');
    const lines = text.split('\n');
    const lineOf = (fragment: string) => lines.findIndex((line) => line.includes(fragment)) + 1;
    expect(errorsOf(text)).toEqual([
      `s.yaml: links[0].mbps: must be greater than 0 (line ${lineOf('mbps: -5')})`,
      `s.yaml: pipeline[3].model: unknown model 'nmt2' (known: ocr-det, ocr-rec, nmt, nmt-small, nllb) (line ${lineOf('model: nmt2')})`,
    ]);
  });

  it('checks references beside numbers of the wrong type and unknown fields, without echoing them', () => {
    const text = arText
      .replace(/size_mb: 300\b/, 'size_mb: large')
      .replace('gflop: { range: [0.15, 0.45] }', 'gflop: -0.3')
      .replace(/ {4}mbps: 20\n/, '    mbps: 20\n    jitter_ms: 4\n')
      .replace('users: 10000', 'users: 0.5')
      .replace('hardware: phone-midrange', 'hardware: phone-ultra');
    const errors = errorsOf(text).map((error) => error.replace(/ \(line \d+\)$/, ''));
    expect(errors).toEqual([
      "s.yaml: links[1]: unknown field 'jitter_ms'",
      's.yaml: models[2].size_mb: expected number, got string "large"',
      's.yaml: models[3].gflop: must be greater than 0',
      's.yaml: workload.users: expected int, got number 0.5',
      expect.stringMatching(/^s\.yaml: components\[1\]\.hardware: unknown hardware 'phone-ultra' \(known: /),
    ]);
  });

  it('reports schema errors alone when an id is broken, rather than references checked against a guess', () => {
    const text = arText.replace('  - id: phone\n', '  - id: my phone\n').replace(/model: nmt\n/, 'model: nmt2\n');
    expect(errorsOf(text)).toEqual([expect.stringMatching(/^s\.yaml: components\[1\]\.id: ids are letters/)]);
  });

  it('reports a placement with no route to its neighbours', () => {
    const text = arText.replace(
      / {2}- id: cloud-ocr\n {4}between: \[cloud, ocr-pool\]\n {4}tech: ethernet.*\n {4}mbps: 10000\n/,
      '',
    );
    const errors = errorsOf(text);
    expect(errors).toContainEqual(
      expect.stringMatching(/options\[2\]\.place\.detect: no route from 'glasses' to 'ocr-pool' over the links/),
    );
  });

  it('rejects zero and negative rates, sizes and bandwidths', () => {
    const text = arText
      .replace('per_user_rps: 0.5', 'per_user_rps: 0')
      .replace('size_mb: 4.7', 'size_mb: -1')
      .replace('    mbps: 20\n', '    mbps: 0\n');
    const errors = errorsOf(text);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/workload\.per_user_rps: must be greater than 0/),
        expect.stringMatching(/models\[0\]\.size_mb: must be greater than 0/),
        expect.stringMatching(/links\[1\]\.mbps: must be greater than 0/),
      ]),
    );
  });

  it('rejects budgets on unknown fields', () => {
    const errors = errorsOf(
      arText
        .replace('monthly_usd: 25000', 'monthly_usd: 25000\n  carbon_kg: 3')
        .replace('{ p95: 1500 }', '{ p97: 1500 }'),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^s\.yaml: budgets: unknown field 'carbon_kg'/),
        expect.stringMatching(/^s\.yaml: budgets\.latency_ms: unknown field 'p97'/),
      ]),
    );
  });

  it('explains a bad distribution', () => {
    const errors = errorsOf(
      arText
        .replace('{ uniform: [{ range: [20, 40] }, { range: [100, 200] }] }', '{ uniform: [200, 40] }')
        .replace('{ uniform: [2, 5] }', '"fast"'),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/links\[0\]\.latency_ms\.uniform: lower bound is above upper bound/),
        expect.stringMatching(/pipeline\[0\]\.compute_ms: expected number or object, got string "fast"/),
      ]),
    );
  });

  it('requires exactly one of requests and duration_s, and placement of every unpinned step', () => {
    const errors = errorsOf(
      arText
        .replace('  requests: 20000', '  requests: 20000\n  duration_s: 60')
        .replace(
          'place: { detect: glasses, recognize: glasses, translate: glasses }',
          'place: { detect: glasses, recognize: glasses }',
        ),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^s\.yaml: workload: give exactly one of requests or duration_s/),
        expect.stringMatching(/^s\.yaml: options\[0\]\.place: step 'translate' is not placed/),
      ]),
    );
  });

  it('rejects autoscaling with min above max, prices that do not fit serverless, and a profile beside hours_per_day', () => {
    const text = arText
      .replace('    replicas: 8 ', '    replicas: { min: 9, max: 3, target_utilization: 0.6 } ')
      .replace(
        '  hours_per_day: { range',
        `  load_profile: [${Array(24).fill(1).join(', ')}]\n  hours_per_day: { range`,
      );
    const errors = errorsOf(text);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/components\[2\]\.replicas: min \(9\) is above max \(3\)/),
        expect.stringMatching(/workload\.hours_per_day: give hours_per_day or load_profile, not both/),
      ]),
    );
    const serverless = errorsOf(
      arText.replace(
        '    kind: cloud\n    hardware: aws-g5-xlarge       # one A10G',
        '    kind: serverless\n    hardware: aws-g5-xlarge       # one A10G',
      ),
    );
    expect(serverless).toContainEqual(
      expect.stringMatching(/components\[2\]\.replicas: serverless functions scale by themselves/),
    );
    const keepWarm = errorsOf(arText.replace('    replicas: 16 ', '    keep_warm_s: 60\n    replicas: 16 '));
    expect(keepWarm).toContainEqual(
      expect.stringMatching(/components\[3\]\.keep_warm_s: keep_warm_s applies to kind: serverless only/),
    );
  });
});
