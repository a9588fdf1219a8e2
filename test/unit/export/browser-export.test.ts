// Everything that needs Chromium, sharing one browser: Mermaid's own parser on both diagrams,
// SVG and PNG output, and the HTML report as a reader's browser shows it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/host/export/browser-session';
import { DiagramSyntaxError } from '../../../electron/host/export/diagram-renderer';
import { ExportInputError } from '../../../electron/host/export/export-formats';
import { ExportRenderer } from '../../../electron/host/export/export-renderer';
import { exportScenario } from '../../../electron/host/export/export-scenario';
import { architectureMermaid } from '../../../simulator/export/architecture-mermaid';
import { defaultExportOption } from '../../../simulator/export/default-option';
import { findOption } from '../../../simulator/export/option-placement';
import { sequenceMermaid } from '../../../simulator/export/sequence-mermaid';
import { arScenario, fixtureScenario, loadScenario } from './ar-scenario';
import { AR_RESULTS } from './fixtures/ar-results';
import { elementsNamed, parseSvgDocument, svgTextLines } from './svg-document';

const root = join(import.meta.dirname, '..', '..', '..');
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

const renderer = new ExportRenderer();
afterAll(() => renderer.close());

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('Mermaid’s own parser', () => {
  const cases = [
    { name: 'the AR scenario', scenario: arScenario().scenario, results: arScenario().results },
    { name: 'the fixture with budget breaches', scenario: fixtureScenario(), results: AR_RESULTS },
    { name: 'awkward ids', scenario: loadScenario('test/unit/export/fixtures/awkward-ids.yaml'), results: null },
  ];

  it.each(cases)('accepts both diagrams of every option of $name', async ({ scenario, results }) => {
    const diagrams = await renderer.diagrams();
    for (const option of scenario.options) {
      await diagrams.parse(architectureMermaid(scenario, results, option.id));
      await diagrams.parse(sequenceMermaid(scenario, results, option.id));
      // Parsing is not drawing: layout and label placement can fail on their own.
      await diagrams.renderSvg(architectureMermaid(scenario, results, option.id));
    }
  });

  it('rejects broken source, so the checks above mean something', async () => {
    const diagrams = await renderer.diagrams();
    await expect(diagrams.parse('flowchart LR\n  a -->|unclosed label b')).rejects.toThrow(DiagramSyntaxError);
  });
});

describe('diagram export', () => {
  const { scenario, results } = arScenario();

  it('writes Mermaid source without a browser', async () => {
    const file = await exportScenario({ scenario, results, format: 'mmd' });
    expect(file.fileName).toBe('ar-street-sign-translation-hybrid-cached-architecture.mmd');
    expect(text(file.bytes)).toBe(architectureMermaid(scenario, results, 'hybrid-cached'));
  });

  it('renders an SVG that XML tools read, every component named in SVG text', async () => {
    const file = await exportScenario({ scenario, results, format: 'svg' }, renderer);
    expect(file.mime).toBe('image/svg+xml');
    const document = parseSvgDocument(text(file.bytes));
    const labels = svgTextLines(document);
    for (const name of [
      'glasses (wearable)',
      'phone (phone)',
      'Translation service (GPU) (cloud)',
      'glasses-phone · bluetooth',
    ]) {
      expect(labels).toContain(name);
    }
    // Labels are SVG text, not HTML in a foreignObject (which only browsers draw).
    expect(elementsNamed(document, 'foreignObject')).toEqual([]);
  });

  it('renders the sequence diagram when asked', async () => {
    const file = await exportScenario({ scenario, results, format: 'svg', diagram: 'sequence' }, renderer);
    const labels = svgTextLines(parseSvgDocument(text(file.bytes)));
    expect(labels.some((label) => label.startsWith('end to end: mean'))).toBe(true);
  });

  it('escapes quotes, "#", ";", angle brackets and ampersands of labels as XML', async () => {
    const awkward = loadScenario('test/unit/export/fixtures/awkward-ids.yaml');
    for (const diagram of ['architecture', 'sequence'] as const) {
      const file = await exportScenario({ scenario: awkward, results: null, format: 'svg', diagram }, renderer);
      const labels = svgTextLines(parseSvgDocument(text(file.bytes)));
      expect(labels).toContain(diagram === 'sequence' ? 'end (camera)' : 'The "end" #camera; <i> (camera)');
    }
  });

  it('the XML check rejects the HTML-flavoured markup Mermaid returns, so the checks above mean something', () => {
    const html =
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">' +
      'a<br>b</div></foreignObject></svg>';
    expect(() => parseSvgDocument(html)).toThrow(/not well-formed XML/);
    expect(() => parseSvgDocument('<svg xmlns="http://www.w3.org/2000/svg"><text>a&nbsp;b</text></svg>')).toThrow(
      /not well-formed XML/,
    );
  });

  it('renders a PNG at twice the diagram’s size', async () => {
    const file = await exportScenario({ scenario, results, format: 'png', optionId: 'cloud' }, renderer);
    const png = Buffer.from(file.bytes);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const svg = text((await exportScenario({ scenario, results, format: 'svg', optionId: 'cloud' }, renderer)).bytes);
    const [, , viewWidth, viewHeight] = svg
      .match(/viewBox="([^"]+)"/)![1]
      .split(/\s+/)
      .map(Number);
    // The diagram plus 16 px of white margin on each side, at device scale 2.
    expect(Math.abs(width - 2 * (viewWidth + 32))).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 2 * (viewHeight + 32))).toBeLessThanOrEqual(2);
    expect(file.fileName).toBe('ar-street-sign-translation-cloud-architecture.png');
  });

  it('explains a browser that will not start, and tries again next time', async () => {
    const broken = new ExportRenderer('/nonexistent/chromium');
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(broken.diagrams()).rejects.toThrow(
        /could not start the browser at \/nonexistent\/chromium .*: set PLACEWISE_CHROMIUM to a working Chromium/,
      );
    }
    await broken.close();
  });

  it('asks for results before writing a report', async () => {
    await expect(exportScenario({ scenario, results: null, format: 'md' })).rejects.toThrow(ExportInputError);
  });
});

describe('every library scenario', () => {
  const files = readdirSync(join(root, 'scenarios')).filter((name) => name.endsWith('.yaml'));

  it.each(files)('%s exports both diagrams as well-formed SVG with SVG-text labels', async (name) => {
    const scenario = loadScenario(`scenarios/${name}`);
    const optionId = defaultExportOption(scenario, null);
    const option = findOption(scenario, optionId);
    const architecture = parseSvgDocument(
      text((await exportScenario({ scenario, results: null, format: 'svg', optionId }, renderer)).bytes),
    );
    const labels = svgTextLines(architecture);
    for (const component of scenario.components) {
      expect(labels).toContain(`${component.label ?? component.id} (${component.kind})`);
    }
    expect(elementsNamed(architecture, 'foreignObject')).toEqual([]);
    // Words of a label sit in tspans led by a space, which non-browser renderers keep only so.
    expect(architecture.documentElement!.getAttributeNS(XML_NAMESPACE, 'space')).toBe('preserve');
    const sequence = parseSvgDocument(
      text(
        (await exportScenario({ scenario, results: null, format: 'svg', optionId, diagram: 'sequence' }, renderer))
          .bytes,
      ),
    );
    const firstStep = scenario.pipeline[0];
    const at = firstStep.at ?? option.place[firstStep.id];
    const kind = scenario.components.find((component) => component.id === at)!.kind;
    expect(svgTextLines(sequence)).toContain(`${at} (${kind})`);
    expect(elementsNamed(sequence, 'foreignObject')).toEqual([]);
  });
});

describe('HTML report', () => {
  const { scenario, results, text: scenarioText } = arScenario();
  let viewer: BrowserSession;
  let html: string;
  beforeAll(async () => {
    html = text((await exportScenario({ scenario, results, format: 'html', scenarioText }, renderer)).bytes);
    viewer = await BrowserSession.launch();
  });
  afterAll(() => viewer?.close());

  it('opens in Chromium with no console errors and no network requests, showing the diagram and charts', async () => {
    const page = await viewer.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });

    const diagram = page.getByTestId('diagram').locator('svg');
    await expect(diagram.isVisible()).resolves.toBe(true);
    expect((await diagram.boundingBox())!.width).toBeGreaterThan(300);
    await expect(page.getByTestId('diagram').textContent()).resolves.toContain('glasses (wearable)');
    // The same SVG as the export: labels drawn as SVG text inside the HTML page.
    await expect(page.getByTestId('diagram').locator('svg text').count()).resolves.toBeGreaterThan(10);
    await expect(page.getByTestId('diagram').locator('foreignObject').count()).resolves.toBe(0);
    await expect(page.getByTestId('latency-chart').locator('.recharts-line').count()).resolves.toBe(
      results.options.length,
    );
    await expect(
      page.getByTestId('cost-chart').locator('.recharts-wrapper > svg.recharts-surface').count(),
    ).resolves.toBe(1);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('prints: a PDF of it holds the diagram, without the Mermaid source panels', async () => {
    const page = await viewer.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('details').first().isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('diagram').locator('svg').isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
  });

  it('is one file: no scripts, no external references', () => {
    expect(html).not.toMatch(/<script|<link |src="http|href="http|url\(http/i);
    expect(html).toContain("default-src 'none'");
  });

  it('leads with the decision and ends with the decision record, the charts drawn between', () => {
    const headings = [...html.matchAll(/<h2 id="([a-z-]+)">/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'answer',
      'options',
      'architecture',
      'sequence',
      'assumptions',
      'uncertainty',
      'charts',
      'decision-record',
      'appendix',
    ]);
    expect(html).toContain('Decided: The hybrid with recent translations cached on the phone (hybrid-cached).');
  });
});
