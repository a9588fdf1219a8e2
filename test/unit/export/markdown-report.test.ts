import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../../simulator/export/markdown-report';
import { arScenario, fixtureScenario } from './ar-scenario';
import { AR_RESULTS } from './fixtures/ar-results';

describe('markdownReport', () => {
  const { scenario, results } = arScenario();
  const report = markdownReport(scenario, results);

  it('has the summary, budgets, comparison, diagrams, breakdowns and decision record in order', () => {
    const headings = report.split('\n').filter((line) => /^##? /.test(line));
    expect(headings).toEqual([
      '# AR street-sign translation',
      '## Scenario',
      '## Budgets',
      '## Options compared',
      '## Architecture: hybrid-cached',
      '## A typical request: hybrid-cached',
      '## Per-option breakdown',
      '## Decision record: Placement for AR street-sign translation',
    ]);
  });

  it('compares every option in one table row each, with its verdict', () => {
    for (const option of results.options) {
      const row = report.split('\n').find((line) => line.startsWith(`| ${option.id} |`));
      expect(row, option.id).toBeDefined();
      expect(row).toContain(option.pass ? '| pass |' : 'fails: ');
    }
  });

  it('embeds both diagrams as Mermaid blocks', () => {
    expect(report).toContain('```mermaid\nflowchart LR');
    expect(report).toContain('```mermaid\nsequenceDiagram');
  });

  it('records the decision in MADR form', () => {
    const record = report.slice(report.indexOf('## Decision record'));
    for (const section of [
      '### Context and problem statement',
      '### Decision drivers',
      '### Considered options',
      '### Decision outcome',
      '#### Consequences',
    ]) {
      expect(record).toContain(section);
    }
    expect(record).toContain('* Status: accepted');
    expect(record).toContain('Chosen option: hybrid-cached, because it meets every budget');
    expect(record).toMatch(/\* Good, because latency p95 \d+ ms \(at most 1500 ms\)/);
    // The pattern's known drawbacks come with it, beyond the simulated figures.
    expect(record).toContain('* Bad, because updates are complicated');
  });

  it('shows the option asked for, and lists consequences of the chosen option that break budgets', () => {
    const fixture = markdownReport(fixtureScenario(), { ...AR_RESULTS, recommendation: null }, 'cloud');
    expect(fixture).toContain('## Architecture: cloud');
    expect(fixture).toContain('**No option meets every budget: relax a budget or add an option.**');
  });

  it('proposes rather than accepts when the scenario records no decision', () => {
    const undecided = { ...fixtureScenario(), decision: undefined };
    const text = markdownReport(undecided, AR_RESULTS);
    expect(text).toContain('* Status: proposed');
    expect(text).toContain('## Architecture: hybrid');
  });

  it('keeps table cells with "|" in one cell', () => {
    const piped = { ...AR_RESULTS, options: [{ ...AR_RESULTS.options[0], pattern: 'a|b' }] };
    expect(markdownReport(fixtureScenario(), piped, 'on-glasses')).toContain('| on-glasses | a\\|b |');
  });
});
