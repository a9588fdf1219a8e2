// Renders Mermaid source to SVG and PNG with Mermaid's own browser bundle in headless
// Chromium: Mermaid lays text out with the browser's font metrics, which Node lacks.
// An exported SVG is a file of its own, opened by tools that are not browsers (xmllint,
// rsvg-convert, Inkscape, slide software): labels are SVG text rather than HTML in a
// foreignObject, and the markup is serialised as XML, not as the HTML Mermaid returns.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser-session';

/** Mermaid rejected the diagram source; the message is Mermaid's. */
export class DiagramSyntaxError extends Error {
  override name = 'DiagramSyntaxError';
}

function mermaidBundlePath(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

export class DiagramRenderer {
  private renderCount = 0;

  private constructor(private readonly page: Page) {}

  static async open(session: BrowserSession): Promise<DiagramRenderer> {
    const page = await session.newPage();
    await page.addScriptTag({ path: mermaidBundlePath() });
    await page.evaluate(() => {
      (window as unknown as MermaidWindow).mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'default',
        htmlLabels: false,
        flowchart: { htmlLabels: false },
        // An SVG-text edge label sits on a half-transparent box; the line it labels would
        // show through the text.
        themeCSS: '.edgeLabel rect { opacity: 1; }',
      });
    });
    return new DiagramRenderer(page);
  }

  /** Checks the source with Mermaid's own parser; throws DiagramSyntaxError with Mermaid's message. */
  async parse(source: string): Promise<void> {
    const message = await this.page.evaluate(async (text) => {
      try {
        await (window as unknown as MermaidWindow).mermaid.parse(text);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    }, source);
    if (message !== null) throw new DiagramSyntaxError(message);
  }

  async renderSvg(source: string): Promise<string> {
    const elementId = `placewise-diagram-${++this.renderCount}`;
    const outcome = await this.page.evaluate(
      async ({ text, id }) => {
        try {
          const { svg } = await (window as unknown as MermaidWindow).mermaid.render(id, text);
          // Mermaid builds its markup as an HTML string (void elements unclosed, HTML
          // entities): read it as HTML and write it out as XML.
          const element = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg')!;
          // Labels carry Mermaid's entity codes (`#34;` for a quote), which Mermaid turns into
          // character references that only HTML labels decode: SVG text shows them as typed.
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const textNode = node as Text;
            if (textNode.parentElement?.closest('style')) continue;
            textNode.data = textNode.data.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
          }
          // A label's words sit in tspans of their own, each but the first led by a space;
          // renderers other than browsers drop such spaces unless told to keep them.
          element.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
          return { svg: new XMLSerializer().serializeToString(element) };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      },
      { text: source, id: elementId },
    );
    if ('error' in outcome) throw new DiagramSyntaxError(outcome.error);
    return outcome.svg;
  }

  /** The diagram as a PNG at twice its natural size, on white (a transparent PNG vanishes on dark slides). */
  async renderPng(source: string): Promise<Uint8Array> {
    const svg = await this.renderSvg(source);
    await this.page.evaluate((markup) => {
      const stage = document.createElement('div');
      stage.id = 'png-stage';
      stage.style.cssText = 'display:inline-block;background:#fff;padding:16px';
      stage.innerHTML = markup;
      document.body.append(stage);
      // Mermaid sizes its SVG to its container (width 100%, a max-width); a PNG wants its natural size.
      const element = stage.querySelector('svg')!;
      const { width, height } = element.viewBox.baseVal;
      element.setAttribute('width', String(width));
      element.setAttribute('height', String(height));
      element.style.maxWidth = 'none';
      // Block, not inline: an inline SVG sits on a text baseline and leaves a strip below it.
      element.style.display = 'block';
    }, svg);
    const stage = this.page.locator('#png-stage');
    const png = await stage.screenshot({ type: 'png' });
    await stage.evaluate((element) => element.remove());
    return new Uint8Array(png);
  }
}

interface MermaidWindow {
  mermaid: {
    initialize(config: Record<string, unknown>): void;
    parse(text: string): Promise<unknown>;
    render(id: string, text: string): Promise<{ svg: string }>;
  };
}
