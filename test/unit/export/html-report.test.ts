// The HTML report's text, parsed as HTML (no browser: the diagrams and charts are stand-ins here;
// browser-export.test.ts draws the real ones).
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../../simulator/export/html-report';
import { arScenario } from './ar-scenario';
import { reportContext } from './report-fixtures';

const FIGURES = {
  architectureSvg: '<svg id="architecture"></svg>',
  sequenceSvg: '<svg id="sequence"></svg>',
  charts: ['<figure id="chart"></figure>'],
};

describe('the HTML report', () => {
  const { scenario, results } = arScenario();
  const html = htmlReport(
    scenario,
    results,
    'hybrid-cached',
    FIGURES,
    reportContext('scenarios/ar-translation.yaml', { deciders: ['Ana'] }),
  );
  const document = new DOMParser({ onError: () => undefined }).parseFromString(html, 'text/html');
  const all = (name: string) => Array.from(document.getElementsByTagName(name)) as Element[];
  const textOf = (element: Element) => (element.textContent ?? '').trim();
  // Every h2, h3 and table in document order.
  const outline = Array.from(document.getElementsByTagName('*'))
    .filter((element) => /^(h2|h3|table)$/.test(element.tagName.toLowerCase()))
    .map((element) => (element.tagName.toLowerCase() === 'table' ? 'table' : textOf(element)));

  it('leads with the decision and its verdicts, then the comparison, diagrams, assumptions, uncertainty, charts, record', () => {
    expect(all('h2').map(textOf)).toEqual([
      'Decision',
      'Options compared',
      'Architecture: The hybrid with recent translations cached on the phone',
      'A typical request: The hybrid with recent translations cached on the phone',
      'Assumptions',
      'Uncertainty',
      'Charts',
      'Decision record: Placement for AR street-sign translation',
      'Appendix: every option in detail',
    ]);
    expect(outline.slice(0, 4)).toEqual(['Decision', 'table', 'Options compared', 'table']);
    const diagrams = html.indexOf('id="architecture"');
    expect(diagrams).toBeGreaterThan(html.indexOf('Options compared'));
    expect(diagrams).toBeLessThan(html.indexOf('<h2 id="assumptions">'));
    expect(html.indexOf('id="chart"')).toBeGreaterThan(html.indexOf('<h2 id="uncertainty">'));
  });

  it('has the date, the Placewise version and the scenario SHA-256, on the page and in its metadata', () => {
    const provenance = all('p').find((element) => element.getAttribute('class') === 'provenance')!;
    expect(textOf(provenance)).toMatch(/^2026-03-04 · Placewise 9\.8\.7 · scenario SHA-256 (ab){32} · seed 7/);
    const meta = new Map(all('meta').map((element) => [element.getAttribute('name'), element.getAttribute('content')]));
    expect(meta.get('generator')).toBe('Placewise 9.8.7');
    expect(meta.get('placewise-scenario-sha256')).toBe('ab'.repeat(32));
  });

  it('lists the assumptions with their sources in a table', () => {
    // The first table after the heading.
    const tablesBefore = outline.slice(0, outline.indexOf('Assumptions')).filter((entry) => entry === 'table').length;
    const assumptions = all('table')[tablesBefore];
    const rows = Array.from(assumptions.getElementsByTagName('tr')).map((row) =>
      Array.from((row as Element).getElementsByTagName('td')).map((cell) => textOf(cell as Element)),
    );
    expect(rows).toContainEqual([
      'models[ocr-det].gflop',
      '4.77',
      'at 1x3x640x640 (placewise bench bundled:paddleocr-det, FLOP count)',
    ]);
    expect(rows).toContainEqual(['workload.users', '10000', 'estimate, no source']);
  });

  it('records the decision with MADR 4’s sections, its deciders and its confirmation', () => {
    const record = outline.slice(outline.indexOf('Decision record: Placement for AR street-sign translation'));
    expect(record.filter((entry) => entry !== 'table').slice(1, 6)).toEqual([
      'Context and Problem Statement',
      'Decision Drivers',
      'Considered Options',
      'Decision Outcome',
      'Pros and Cons of the Options',
    ]);
    expect(all('h4').map(textOf)).toEqual(expect.arrayContaining(['Consequences', 'Confirmation']));
    expect(html).toContain('<li>Status: accepted</li><li>Date: 2026-03-04</li><li>Deciders: Ana</li>');
    expect(html).toContain('`placewise check scenarios/ar-translation.yaml` runs in CI');
  });
});
