// The scenario library (scenarios/*.yaml) as a regression suite: every scenario is simulated at
// its own seed and default fidelity, as `placewise run` does, and its lesson is pinned: the
// recommendation, which budgets each option breaks, no warnings, the decision passing `placewise
// check`, and the decision's p95 latency and monthly cost.
//
// The pins are exact. A run at a fixed seed is deterministic: every draw comes from the seeded
// streams in an order fixed by the events (no wall clock, no Math.random), and V8 computes the
// same doubles on every machine, so a figure repeats to the last bit and a pin holds to the
// rounding of its recorded value (0.0005 ms, $0.005). Any change that moves a figure fails here,
// a 1% bias as much as a 20% one; when the change is meant (a model fix, a new draw), rerun and
// record the printed figure. `sd` is how much the figure moves between seeds (1 to 10): a change
// within a few sd may be a different draw of the same model, while one of many sd changes what
// the scenario teaches, whatever its reason, and deserves a second look.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutcome } from '../../../cli/commands/check';
import { evaluateScenario, type MonteCarloReport, parseScenarioText, type ScenarioResults } from '../../../simulator';
import { buildCliFirst, placewise } from '../support/placewise-cli';

interface Pin {
  recommendation: string;
  /** Each option's broken budgets, by name; empty when it passes every budget. */
  verdicts: Record<string, string[]>;
  /** The decision's p95 latency at the scenario's seed (to 0.001 ms), and its sd over seeds 1 to 10. */
  p95Ms: { value: number; sd: number };
  /** The decision's monthly total (to the cent), and its sd over seeds 1 to 10. */
  monthlyUsd: { value: number; sd: number };
}

const PINS: Record<string, Pin> = {
  'ar-translation.yaml': {
    recommendation: 'hybrid-cached',
    verdicts: {
      'on-glasses': ['latency_ms.p95', 'monthly_usd', 'battery_hours.glasses'],
      'on-phone': ['monthly_usd'],
      cloud: ['monthly_usd', 'offline_success', 'success_rate'],
      hybrid: [],
      'hybrid-cached': [],
      'small-on-phone': ['accuracy'],
      cascade: ['accuracy'],
      'glasses-cascade': ['latency_ms.p95', 'accuracy', 'fit.glasses.ram_mb'],
    },
    p95Ms: { value: 744.674, sd: 0.99 },
    monthlyUsd: { value: 14930.57, sd: 13.64 },
  },
  'capacity-planning-fleet.yaml': {
    recommendation: 'cpu-plus-vision-gpu',
    verdicts: {
      'dedicated-cpu': ['monthly_usd'],
      'shared-cpu': [],
      'shared-cpu-hot': [],
      'cpu-plus-vision-gpu': [],
    },
    p95Ms: { value: 6.301, sd: 0.43 },
    monthlyUsd: { value: 2120.285, sd: 0 },
  },
  'fraud-detection-streaming.yaml': {
    recommendation: 'streaming-fail-open',
    verdicts: {
      online: ['latency_ms.p99'],
      batch: [],
      streaming: ['offline_success', 'success_rate'],
      'streaming-fail-open': [],
    },
    p95Ms: { value: 17.469, sd: 0.11 },
    monthlyUsd: { value: 981.12, sd: 0 },
  },
  'pet-photo-likes.yaml': {
    recommendation: 'supervised-cached',
    verdicts: {
      monolith: ['latency_ms.p95', 'offline_success', 'success_rate'],
      contained: ['offline_success', 'success_rate'],
      supervised: [],
      'supervised-cached': [],
    },
    p95Ms: { value: 202.149, sd: 1.79 },
    monthlyUsd: { value: 260.61, sd: 0 },
  },
  'smart-keyboard.yaml': {
    recommendation: 'on-device-federated',
    verdicts: {
      server: ['latency_ms.p95', 'monthly_usd', 'offline_success', 'success_rate', 'personal_gb_per_month'],
      'server-cached': ['latency_ms.p95', 'monthly_usd', 'offline_success', 'personal_gb_per_month'],
      'on-device-logging': ['personal_gb_per_month'],
      'on-device-federated': [],
    },
    p95Ms: { value: 8.531, sd: 0.01 },
    monthlyUsd: { value: 4000, sd: 0 },
  },
  'transcription-service.yaml': {
    recommendation: 'hybrid',
    verdicts: {
      'cloud-gpu': ['offline_success'],
      'cloud-cpu': ['latency_ms.p95', 'offline_success'],
      'on-phone': ['latency_ms.p95'],
      hybrid: [],
      'on-phone-tiny': ['accuracy'],
    },
    p95Ms: { value: 529.456, sd: 35.72 },
    monthlyUsd: { value: 4454.5, sd: 4.38 },
  },
};

const scenariosDirectory = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const scenarioFiles = readdirSync(scenariosDirectory)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

function simulate(file: string): ScenarioResults {
  const parsed = parseScenarioText(readFileSync(join(scenariosDirectory, file), 'utf8'));
  if (!parsed.ok)
    throw new Error(`${file}: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`);
  return evaluateScenario(parsed.scenario);
}

/** `actual` equals the pinned value to its `decimals` places (half a unit of the last either way). */
function expectPinned(actual: number, pinned: { value: number; sd: number }, decimals: number): void {
  const moved =
    pinned.sd > 0 ? `${((actual - pinned.value) / pinned.sd).toFixed(1)} sd` : 'a figure the seed does not move';
  expect(
    Math.abs(actual - pinned.value),
    `${actual} against the pinned ${pinned.value} (${moved})`,
  ).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

describe('the scenario library', () => {
  it('pins every scenario in scenarios/', () => {
    expect(scenarioFiles).toEqual(Object.keys(PINS).sort());
  });

  describe.each(scenarioFiles)('%s', (file) => {
    const pin = PINS[file];
    let memo: ScenarioResults | undefined;
    const results = () => {
      memo ??= simulate(file);
      return memo;
    };

    it('records a decision that passes every budget (placewise check)', () => {
      expect(results().decision).toBeTruthy();
      const outcome = checkOutcome(results());
      expect(outcome.message).toContain('passes every budget');
      expect(outcome.pass).toBe(true);
    });

    it('recommends the pinned option', () => {
      expect(results().recommendation).toBe(pin.recommendation);
    });

    it('breaks the pinned budgets in each option, and runs without warnings', () => {
      const verdicts = Object.fromEntries(
        results().options.map((option) => [
          option.id,
          option.budgets.filter((verdict) => !verdict.pass).map((verdict) => verdict.name),
        ]),
      );
      expect(verdicts).toEqual(pin.verdicts);
      for (const option of results().options) expect(option.warnings, option.id).toEqual([]);
    });

    it("keeps the decision's p95 latency and monthly cost", () => {
      const decision = results().options.find((option) => option.id === results().decision)!;
      expectPinned(decision.latency_ms.p95, pin.p95Ms, 3);
      expectPinned(decision.monthly_usd.total, pin.monthlyUsd, 2);
    });
  });
});

// The flagship scenario carries its uncertainty: its estimates are ranges, and its lesson holds
// across them (the study is seeded, so the same samples are drawn every time).
describe('ar-translation.yaml under its uncertainty', () => {
  buildCliFirst();

  it('makes its estimates ranges, and its decision passes every budget in every sample of a Monte Carlo study', () => {
    const file = join(scenariosDirectory, 'ar-translation.yaml');
    const { code, stdout } = placewise('run', file, '--json', '--monte-carlo', '40', '--workers', '2');
    expect(code).toBe(0);
    const { monte_carlo: study, sensitivity } = JSON.parse(stdout) as ScenarioResults & MonteCarloReport;
    expect(study.parameters.map((entry) => entry.parameter)).toEqual(
      expect.arrayContaining([
        'links[0].mbps',
        'links[1].usd_per_gb',
        'models[2].gflop',
        'workload.hours_per_day',
        'options[4].cache.translate.hit_rate',
      ]),
    );
    const decision = study.options.find((option) => option.id === 'hybrid-cached')!;
    expect(decision.pass_all_probability).toBe(1);
    // Real bands: the cost moves with the cellular price and the hours of use, the p95 with Bluetooth.
    const cost = decision.metrics['monthly_usd.total'];
    expect(cost.p95 / cost.p5).toBeGreaterThan(1.3);
    const latency = decision.metrics['latency_ms.p95'];
    expect(latency.p95 - latency.p5).toBeGreaterThan(50);
    const costDrivers = sensitivity
      .filter((bar) => bar.option === 'hybrid-cached' && bar.metric === 'monthly_usd.total')
      .sort((a, b) => a.rank - b.rank);
    expect(costDrivers[0].parameter).toBe('links[1].usd_per_gb');
  }, 180_000);
});
