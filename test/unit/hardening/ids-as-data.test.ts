// User ids are data, never keys that can collide with built-ins (issue 16, point 4): names of
// Object.prototype's properties work as ids of every kind, through validation, simulation, the
// exports and the app; `__proto__`, which is not an id, is refused rather than silently dropped,
// and an app edit at it stays the mapping's own entry.
import { describe, expect, test } from 'vitest';
import { figuresOf } from '../../../app/canvas/model/figures';
import { resolvePositions } from '../../../app/canvas/model/positions';
import type { ScenarioDraft } from '../../../app/editing/draft';
import { getIn, renameItem, setField } from '../../../app/editing/edits';
import {
  architectureMermaid,
  batteryRows,
  evaluateScenario,
  markdownReport,
  monthlyCostRows,
  type ScenarioInput,
  sequenceMermaid,
  validateScenario,
} from '../../../simulator';
import { scenarioFrom } from '../simulator/queue-scenarios';
import { PROVENANCE } from '../export/report-fixtures';

// A glasses-and-cloud scenario whose every id is a built-in property's name. The option gives a
// fallback and a cache for one step only, so that looking up the other steps in those mappings
// must find nothing (a plain object would find Object.prototype's `toString` or `valueOf`).
const input: ScenarioInput = {
  placewise: 1,
  name: 'built-in names',
  seed: 5,
  hardware: { toString: { cores: 2, gflops: 4, power_w: { idle: 0.2, active: 2 } } },
  components: [
    { id: 'constructor', kind: 'wearable', hardware: 'toString', battery_wh: 2 },
    { id: 'hasOwnProperty', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 2, usd_per_hour: 0.2 },
  ],
  links: [{ id: 'valueOf', between: ['constructor', 'hasOwnProperty'], tech: 'wifi', latency_ms: 10 }],
  models: [
    { id: 'toString', size_mb: 20, gflop: 0.4, accuracy: 0.9 },
    { id: 'isPrototypeOf', size_mb: 5, gflop: 0.1, accuracy: 0.8 },
  ],
  workload: { users: 50, per_user_rps: 1, source: 'constructor', requests: 2000 },
  pipeline: [
    { id: 'toString', at: 'constructor', compute_ms: 1, output_kb: 50 },
    { id: 'constructor', model: 'toString', output_kb: 1 },
    { id: 'valueOf', model: 'isPrototypeOf', output_kb: 1 },
  ],
  budgets: { latency_ms: { p95: 1000 }, battery_hours: 1 },
  options: [
    {
      id: 'hasOwnProperty',
      place: { constructor: 'hasOwnProperty', valueOf: 'hasOwnProperty' },
      fallback: { constructor: { at: 'constructor' } },
      cache: { constructor: { at: 'constructor', hit_rate: 0.5 } },
    },
    { id: 'toString', place: { constructor: 'constructor', valueOf: 'constructor' } },
  ],
  decision: 'toString',
};

describe('names of built-in properties as ids', () => {
  // As a worker gets it: a structured clone, whose mappings have Object's prototype again.
  const scenario = structuredClone(scenarioFrom(input));
  const results = evaluateScenario(scenario);

  test('every step runs where its option places it, with the model and hardware it names', () => {
    const [remote, local] = results.options;
    expect(remote.steps.map((step) => [step.id, step.at])).toEqual([
      ['toString', 'constructor'],
      ['constructor', 'hasOwnProperty'],
      ['valueOf', 'hasOwnProperty'],
    ]);
    // On the glasses' own profile `toString`: 2 cores, 4 gflops, one executor of 2 gflops per user
    // (cores default to 1 on a per-user device, which then has the whole 4 gflops): 0.4 GFLOP takes 100 ms.
    expect(local.steps.find((step) => step.id === 'constructor')?.mean_ms).toBeCloseTo(100, 9);
  });

  test('the results are all numbers, keyed by the ids', () => {
    for (const option of results.options) {
      expect(Number.isFinite(option.latency_ms.p95)).toBe(true);
      expect(Object.keys(option.battery_hours)).toEqual(['constructor']);
      expect(Number.isFinite(option.battery_hours.constructor)).toBe(true);
      expect(option.budgets.map((verdict) => verdict.name)).toEqual(['latency_ms.p95', 'battery_hours.constructor']);
    }
    expect(results.options.map((option) => option.id)).toEqual(['hasOwnProperty', 'toString']);
  });

  test('the exports name them, and nothing built-in leaks into the text', () => {
    const texts = [
      architectureMermaid(scenario, results, 'hasOwnProperty'),
      sequenceMermaid(scenario, results, 'hasOwnProperty'),
      markdownReport(scenario, results, {
        scenarioText: JSON.stringify(input),
        scenarioFile: 'ids.json',
        provenance: PROVENANCE,
        uncertainValues: 0,
      }),
      JSON.stringify([batteryRows(results), monthlyCostRows(results)]),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/function|\[object|native code|undefined|NaN/);
    }
    expect(texts[0]).toContain('hasOwnProperty');
    expect(texts[2]).toContain('valueOf');
  });

  test('`__proto__` is refused as a key of a mapping of ids, rather than dropped without a word', () => {
    const withProto = JSON.parse(JSON.stringify(input).replace('"hardware":{"toString"', '"hardware":{"__proto__"'));
    const parsed = validateScenario(withProto);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toContainEqual({
      path: 'hardware.__proto__',
      message: "'__proto__' is not an id: ids start with a letter or digit",
    });
  });
});

describe('the app keys its maps by ids as data too', () => {
  // The draft as the app holds it: read from YAML (plain objects), then cloned on every edit.
  const draft = () => structuredClone(input) as unknown as ScenarioDraft;

  test('an edit at a key named `__proto__` makes the mapping own it, and touches no prototype', () => {
    const next = setField(draft(), ['options', 1, 'fallback', '__proto__', 'at'], 'hasOwnProperty');
    const fallback = next.options[1].fallback as Record<string, { at: string }>;
    expect(Object.hasOwn(fallback, '__proto__')).toBe(true);
    expect(getIn(next, ['options', 1, 'fallback', '__proto__', 'at'])).toBe('hasOwnProperty');
    expect(Object.getPrototypeOf(fallback)).toBe(Object.prototype);
    expect((Object.prototype as Record<string, unknown>).at).toBeUndefined();
  });

  test('a lookup of a step no mapping has finds nothing, not a built-in', () => {
    expect(getIn(draft(), ['options', 1, 'place', 'toString'])).toBeUndefined();
    expect(getIn(draft(), ['options', 0, 'fallback', 'valueOf'])).toBeUndefined();
  });

  test('renaming an item to a built-in name keeps the references as entries', () => {
    const renamed = renameItem(draft(), 'pipeline', 2, 'hasOwnProperty');
    expect(renamed.options[0].place).toEqual({ constructor: 'hasOwnProperty', hasOwnProperty: 'hasOwnProperty' });
  });

  test('the canvas places a component named `constructor` that has no saved position', () => {
    const withLayout = { ...draft(), layout: { hasOwnProperty: { x: 0, y: 0 } } } as ScenarioDraft;
    const sizes = new Map([
      ['hasOwnProperty', { width: 200, height: 80 }],
      ['constructor', { width: 200, height: 80 }],
    ]);
    const positions = resolvePositions(withLayout, sizes, null)!;
    expect(Object.keys(positions)).toEqual(['hasOwnProperty', 'constructor']);
    expect(positions.constructor).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  });

  test("the canvas's figures of a component with no battery figure are null, not a built-in", () => {
    const scenario = scenarioFrom(input);
    const result = evaluateScenario(structuredClone(scenario), { fidelity: 'preview' }).options[0];
    const figures = figuresOf(scenario, { ...result, battery_hours: {} });
    expect(figures.components.get('constructor')?.batteryHours).toBeNull();
  });
});
