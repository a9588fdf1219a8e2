// Scenario files with uncertain numbers load (at their nominal values) and report errors at
// the right path and line; the published JSON Schema admits them.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../simulator';
import { scenarioJsonSchema } from '../../../simulator/scenario/json-schema';

const scenario = (overrides: { mbps?: string; hitRate?: string; replicas?: string } = {}) => `placewise: 1
name: uncertain two-tier
components:
  - id: phone
    kind: phone
    hardware: phone-midrange
  - id: cloud
    kind: cloud
    hardware: aws-c7i-xlarge
    replicas: ${overrides.replicas ?? '{ range: [2, 5] }'}
    usd_per_hour: { uncertain: { triangular: [0.1, 0.2, 0.3] } }
links:
  - id: uplink
    between: [phone, cloud]
    tech: lte
    mbps: ${overrides.mbps ?? '{ range: [10, 30] }'}
workload:
  users: 100
  per_user_rps: 0.1
  source: phone
  requests: 500
pipeline:
  - id: answer
    compute_ms: 5
options:
  - id: remote
    place: { answer: cloud }
    cache: { answer: { at: phone, hit_rate: ${overrides.hitRate ?? '{ uncertain: { uniform: [0.2, 0.4] } }'} } }
`;

const lineOf = (text: string, fragment: string) => text.split('\n').findIndex((line) => line.includes(fragment)) + 1;

describe('a scenario file with uncertain numbers', () => {
  it('loads with every uncertain number at its nominal value, and lists them for Monte Carlo', () => {
    const parsed = parseScenarioText(scenario());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.components[1].replicas).toBe(4);
    expect(parsed.scenario.components[1].usd_per_hour).toBeCloseTo(0.2, 12);
    expect(parsed.scenario.links[0].mbps).toBe(20);
    expect(parsed.scenario.options[0].cache?.answer.hit_rate).toBeCloseTo(0.3, 12);
    expect(parsed.uncertain?.parameters.map((parameter) => parameter.name)).toEqual([
      'components[1].replicas',
      'components[1].usd_per_hour',
      'links[0].mbps',
      'options[0].cache.answer.hit_rate',
    ]);
  });

  it('has no uncertainty listed when every number is plain', () => {
    const parsed = parseScenarioText(
      scenario({ mbps: '20', hitRate: '0.3', replicas: '2' }).replace(/usd_per_hour: .*/, 'usd_per_hour: 0.2'),
    );
    expect(parsed.ok && parsed.uncertain).toBe(undefined);
  });

  it('reports a malformed uncertain number inside it, with its line', () => {
    const text = scenario({ mbps: '{ range: [30, 10] }' });
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toEqual([
        { path: 'links[0].mbps.range', message: 'lower bound is above upper bound', line: lineOf(text, 'mbps:') },
      ]);
    }
  });

  it('reports a nominal value the field does not accept at the field', () => {
    const text = scenario({ hitRate: '{ range: [1.2, 1.6] }' });
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toEqual([
        { path: 'options[0].cache.answer.hit_rate', message: 'must be at most 1', line: lineOf(text, 'hit_rate') },
      ]);
    }
  });

  it('reports other errors beside a malformed uncertain number', () => {
    const parsed = parseScenarioText(
      scenario({ mbps: '{ range: [30] }' }).replace('per_user_rps: 0.1', 'per_user_rps: -1'),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.map((error) => error.path)).toEqual(['links[0].mbps.range', 'workload.per_user_rps']);
  });
});

describe('the published JSON Schema', () => {
  it('lets every number be a range or an uncertain distribution', () => {
    const schema = scenarioJsonSchema() as {
      properties: { workload: { properties: Record<string, { anyOf?: unknown[] }> } };
      $defs: Record<string, unknown>;
    };
    const users = schema.properties.workload.properties.users;
    expect(users.anyOf).toEqual([
      expect.objectContaining({ type: 'integer' }),
      { $ref: '#/$defs/range' },
      { $ref: '#/$defs/uncertain' },
    ]);
    expect(Object.keys(schema.$defs)).toEqual(['range', 'uncertain']);
  });
});
