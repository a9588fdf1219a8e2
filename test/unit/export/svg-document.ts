// Reads an exported SVG the way tools outside a browser do: as XML, with a real XML parser that
// rejects what is not well-formed (an unclosed <br>, an HTML entity, an unquoted attribute).
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export function parseSvgDocument(markup: string): Document {
  const problems: string[] = [];
  let document: Document | undefined;
  try {
    document = new DOMParser({
      // Warnings too: a browser would shrug them off, an XML tool does not.
      onError: (level, message) => {
        problems.push(`${level}: ${message}`);
      },
    }).parseFromString(markup, 'image/svg+xml');
  } catch (error) {
    // A fatal error stops the parser after reporting it.
    problems.push((error as Error).message);
  }
  if (!document || problems.length > 0) throw new Error(`not well-formed XML:\n${problems.join('\n')}`);
  const root = document.documentElement;
  if (root?.namespaceURI !== SVG_NAMESPACE || root.localName !== 'svg') {
    throw new Error(`the root element is ${root?.namespaceURI ?? ''} ${root?.localName ?? 'missing'}, not an SVG svg`);
  }
  return document;
}

/** The SVG elements named `localName`, in document order. */
export function svgElements(document: Document, localName: string): Element[] {
  return Array.from(document.getElementsByTagNameNS(SVG_NAMESPACE, localName));
}

/**
 * The lines of text a reader sees: each SVG <text> element's, one per child <tspan> where a
 * label is set on several lines (a line's words may sit in tspans of their own).
 */
export function svgTextLines(document: Document): string[] {
  return svgElements(document, 'text').flatMap((text) => {
    const rows = Array.from(text.childNodes).filter(
      (node): node is Element => node.nodeType === node.ELEMENT_NODE && (node as Element).localName === 'tspan',
    );
    return (rows.length > 0 ? rows : [text]).map((node) => (node.textContent ?? '').trim());
  });
}

/** Elements of any namespace named `localName` (e.g. foreignObject, or XHTML inside one). */
export function elementsNamed(document: Document, localName: string): Element[] {
  return Array.from(document.getElementsByTagNameNS('*', localName));
}
