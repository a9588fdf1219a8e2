import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../../simulator/export/markdown-report';
import { formatPercent } from '../../../simulator/export/pass-share';
import { decisionRecordFile } from '../../../simulator/export/decision-record-file';
import {
  evaluateWithValues,
  type MonteCarloReport,
  monteCarloReport,
  planMonteCarlo,
  type ScenarioResults,
} from '../../../simulator';
import { arScenario, FIXTURE_FILE, fixtureScenario } from './ar-scenario';
import { AR_RESULTS } from './fixtures/ar-results';
import { reportContext } from './report-fixtures';
import { UNCERTAIN_STATION, uncertainStation } from '../uncertainty/uncertain-station';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { parseScenarioText } from '../../../simulator/scenario/load';

const AR_FILE = 'scenarios/ar-translation.yaml';

function sectionOf(report: string, heading: string): string {
  const start = report.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0];
  const next = report.slice(start + heading.length).search(new RegExp(`\\n${level} `));
  return next < 0 ? report.slice(start) : report.slice(start, start + heading.length + next);
}

describe('the Markdown report', () => {
  const { scenario, results } = arScenario();
  const report = markdownReport(scenario, results, reportContext(AR_FILE, { uncertainValues: 10 }));

  it('leads with the decision, then diagrams, assumptions, uncertainty, the decision record, the details', () => {
    const headings = report.split('\n').filter((line) => /^##? /.test(line));
    expect(headings).toEqual([
      '# AR street-sign translation',
      '## Decision',
      '## Options compared',
      '## Architecture: The hybrid with recent translations cached on the phone',
      '## A typical request: The hybrid with recent translations cached on the phone',
      '## Assumptions',
      '## Uncertainty',
      '## Decision record: Placement for AR street-sign translation',
      '## Appendix: every option in detail',
    ]);
  });

  it('carries its date, the Placewise version and the scenario SHA-256 under the title', () => {
    expect(report.split('\n')[2]).toBe(
      `_2026-03-04 · Placewise 9.8.7 · scenario SHA-256 ${'ab'.repeat(32)} · seed 7, 20,000 requests per option_`,
    );
  });

  it('answers first: the decision by its label, and its verdict against every budget', () => {
    const answer = sectionOf(report, '## Decision');
    expect(answer).toContain(
      '**Decided: The hybrid with recent translations cached on the phone (hybrid-cached). It meets every budget.**',
    );
    const decided = results.options.find((option) => option.id === 'hybrid-cached')!;
    const rows = answer.split('\n').filter((line) => line.startsWith('| ') && !/^\| (Budget|---) /.test(line));
    expect(rows).toHaveLength(decided.budgets.length);
    expect(rows.every((row) => row.endsWith('| pass |'))).toBe(true);
    expect(answer).toContain('| latency p95 | at most 1,500 ms |');
  });

  it('compares the options by label, with formatted numbers', () => {
    const table = sectionOf(report, '## Options compared');
    for (const option of results.options) {
      const row = table.split('\n').find((line) => line.startsWith(`| ${option.label} |`));
      expect(row, option.id).toBeDefined();
      expect(row).toContain(option.pass ? '| pass |' : 'fails: ');
    }
    // Thousands are grouped everywhere but in the Mermaid source's ids and the hash.
    expect(table).not.toMatch(/\b\d{4,} ms|\$\d{4,}/);
    expect(report).toMatch(/· \d{1,3},\d{3} GB\/month/);
  });

  it('lists every figure with the source beside it in the file, flagging those with none', () => {
    const assumptions = sectionOf(report, '## Assumptions');
    expect(assumptions).toContain(
      '| components[glasses].battery_wh | 0.6 | Ray-Ban Meta glasses: 154 mAh at 3.85 V (FCC filing teardowns) |',
    );
    expect(assumptions).toContain('| components[ocr-pool].usd_per_hour | 1.006 | estimate, no source |');
    expect(assumptions).toMatch(
      /\| links\[glasses-phone\]\.mbps \| \{ range: \[2\.1, 3\] \} \| 3 Mbit\/s is the Bluetooth/,
    );
    expect(assumptions).toMatch(/^\d+ figures of the scenario, .*; \d+ have none\.$/m);
  });

  it('says when the scenario has uncertain values but no Monte Carlo study came with it', () => {
    expect(sectionOf(report, '## Uncertainty')).toContain('The scenario has 10 uncertain values, but this report');
  });

  it('records the decision in MADR 4 form, confirmed by the check CI runs', () => {
    const record = sectionOf(report, '## Decision record: Placement for AR street-sign translation');
    const headings = record.split('\n').filter((line) => line.startsWith('#'));
    expect(headings.slice(1, 9)).toEqual([
      '### Context and Problem Statement',
      '### Decision Drivers',
      '### Considered Options',
      '### Decision Outcome',
      '#### Consequences',
      '#### Confirmation',
      '### Pros and Cons of the Options',
      `#### ${results.options[0].label}`,
    ]);
    expect(headings.at(-1)).toBe('### More Information');
    expect(record).toContain('- Status: accepted\n- Date: 2026-03-04\n');
    expect(record).not.toContain('- Deciders:');
    expect(record).toContain(
      'Chosen option: "The hybrid with recent translations cached on the phone", because it meets every budget',
    );
    expect(sectionOf(record, '#### Confirmation')).toContain(
      '`placewise check scenarios/ar-translation.yaml` runs in CI and fails (exit 1) when the decision breaks a budget; today it passes.',
    );
    expect(record).toMatch(/\* Good, because latency p95 \d+ ms \(at most 1,500 ms\)/);
    // The pattern's known drawbacks come with it, beyond the simulated figures.
    expect(record).toContain('* Bad, because updates are complicated');
    // Every option's pros and cons, each with its numbers.
    expect(sectionOf(record, `#### ${results.options[0].label}`)).toMatch(
      /\* Bad, because latency p95 [\d,]+ ms \(at most 1,500 ms\)/,
    );
  });

  it('keeps table cells with "|" in one cell', () => {
    const piped = { ...AR_RESULTS, options: [{ ...AR_RESULTS.options[0], label: 'a|b' }] };
    expect(markdownReport(fixtureScenario(), piped, reportContext(FIXTURE_FILE), 'on-glasses')).toContain('| a\\|b | ');
  });
});

describe('the decision record never accepts a decision that breaks a budget', () => {
  const scenario = fixtureScenario();
  const status = (decision: string | undefined, results: ScenarioResults) =>
    /- Status: (\w+)/.exec(decisionRecordFile({ ...scenario, decision }, results, reportContext(FIXTURE_FILE)))![1];

  it('accepts a decision that meets every budget', () => {
    expect(status('hybrid', AR_RESULTS)).toBe('accepted');
  });

  it('rejects a decision that breaks one while another option meets them all', () => {
    expect(status('cloud', { ...AR_RESULTS, decision: 'cloud' })).toBe('rejected');
  });

  it('keeps it proposed when no option meets every budget', () => {
    const failing = {
      ...AR_RESULTS,
      decision: 'cloud',
      options: AR_RESULTS.options.map((option) => ({ ...option, pass: false })),
    };
    expect(status('cloud', failing)).toBe('proposed');
  });

  it('proposes the recommendation when the scenario records no decision', () => {
    const record = decisionRecordFile({ ...scenario, decision: undefined }, AR_RESULTS, reportContext(FIXTURE_FILE));
    expect(record).toContain('- Status: proposed');
    expect(record).toContain('when the scenario, which records no decision yet, breaks a budget');
  });
});

describe('the decision record alone (export --format adr)', () => {
  const record = decisionRecordFile(
    fixtureScenario(),
    AR_RESULTS,
    reportContext(FIXTURE_FILE, { deciders: ['Ana', 'Ben'] }),
  );
  const lines = record.split('\n');

  it('starts with its title on the first line, as adr-tools reads it, then log4brains’ metadata list', () => {
    expect(lines[0]).toBe(`# Placement for ${fixtureScenario().name}`);
    expect(lines.slice(2, 5)).toEqual(['- Status: accepted', '- Date: 2026-03-04', '- Deciders: Ana, Ben']);
  });

  it('has the MADR sections, one level up', () => {
    expect(lines.filter((line) => /^##? /.test(line))).toEqual([
      `# Placement for ${fixtureScenario().name}`,
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '## Pros and Cons of the Options',
      '## More Information',
    ]);
    expect(record).toContain('### Confirmation\n\n`placewise check test/unit/export/fixtures/ar-translation.yaml`');
    expect(record).toContain(`from ${FIXTURE_FILE} (SHA-256 ${'ab'.repeat(32)})`);
  });
});

describe('the uncertainty section', () => {
  it('shows Monte Carlo bands, the chance of passing each budget and the tornado', () => {
    const uncertain = uncertainStation();
    const plan = planMonteCarlo(uncertain, { samples: 12, seed: 2, requests: 200 });
    const study: MonteCarloReport = monteCarloReport(
      plan,
      plan.tasks.map((task) => {
        const outcome = evaluateWithValues(uncertain, task);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
        return outcome.options;
      }),
    );
    const parsed = parseScenarioText(UNCERTAIN_STATION);
    if (!parsed.ok) throw new Error('the station loads');
    const results = evaluateScenario(parsed.scenario, { requests: 200 });
    const report = markdownReport(parsed.scenario, results, {
      ...reportContext(FIXTURE_FILE),
      scenarioText: UNCERTAIN_STATION,
      uncertainValues: uncertain.parameters.length,
      monteCarlo: study,
    });
    const section = sectionOf(report, '## Uncertainty');
    expect(section).toContain('12 Monte Carlo samples of the 2 uncertain values (200 requests per sample, seed 2)');
    const passAll = study.monte_carlo.options[0].pass_all_probability;
    expect(section).toContain('| Option | latency p95 | monthly cost | every budget |');
    expect(section).toMatch(new RegExp(`\\| only \\| \\d+%[^|]* \\| \\d+%[^|]* \\| ${formatPercent(passAll)}`));
    expect(section).toMatch(
      /\| only \| [\d.]+ ms \([\d.]+ ms to [\d.]+ ms\) \| \$[\d,.]+ \(\$[\d,.]+ to \$[\d,.]+\) \|/,
    );
    expect(section).toMatch(/\| components\[0\]\.usd_per_hour \(1\.1 to 2\.9\) \| monthly cost \|/);
  });

  it('says a scenario without uncertain values has none', () => {
    const { scenario, results } = arScenario();
    const report = markdownReport(scenario, results, reportContext(AR_FILE));
    expect(sectionOf(report, '## Uncertainty')).toContain('The scenario has no uncertain values');
  });
});
