// Identifiers and label text that Mermaid's parsers accept whatever the scenario's ids and
// names contain. Scenario ids may hold "-" and "." (which Mermaid reads as edge syntax) and
// may collide with keywords such as `end`; labels may hold quotes, "#", ";" or angle brackets.

/**
 * Hands out Mermaid ids, one per (namespace, scenario id), unique within one diagram.
 * The namespace prefix keeps ids off Mermaid's keywords (`end`, `graph`, `style`, ...), and
 * a counter keeps `a-b` and `a_b` apart after both sanitise to `a_b`.
 */
export class MermaidIds {
  private readonly assigned = new Map<string, string>();
  private readonly used = new Set<string>();

  id(namespace: string, scenarioId: string): string {
    const key = `${namespace}\u0000${scenarioId}`;
    const existing = this.assigned.get(key);
    if (existing !== undefined) return existing;
    const base = `${namespace}_${scenarioId.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}_${n}`;
    this.assigned.set(key, candidate);
    this.used.add(candidate);
    return candidate;
  }
}

// Mermaid's entity codes (`#34;`) survive its parsers and become HTML entities when rendered.
const ENTITY: Record<string, string> = { '"': '#34;', '#': '#35;', ';': '#59;', '<': '#60;', '>': '#62;', '&': '#38;' };

/** Text made safe inside a quoted node, subgraph or edge label, or after a sequence message's colon. */
export function mermaidText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/["#;<>&]/g, (character) => ENTITY[character]);
}

/** A quoted label whose lines are joined by Mermaid's line break. */
export function quotedLabel(...lines: string[]): string {
  return `"${lines.map(mermaidText).join('<br/>')}"`;
}
