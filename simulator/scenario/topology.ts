// Routes over the links: the fewest-hops path between two components (DESIGN.md section 2).
import type { Link } from './schema';

export interface Hop {
  link: string;
  from: string;
  to: string;
}

/** Fewest-hops route by breadth-first search; ties go to the link listed first. */
export function findRoute(links: readonly Pick<Link, 'id' | 'between'>[], from: string, to: string): Hop[] | undefined {
  if (from === to) return [];
  const cameFrom = new Map<string, Hop>();
  const visited = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const link of links) {
        const [a, b] = link.between;
        const other = a === node ? b : b === node ? a : undefined;
        if (other === undefined || visited.has(other)) continue;
        visited.add(other);
        cameFrom.set(other, { link: link.id, from: node, to: other });
        if (other === to) return unwind(cameFrom, from, to);
        next.push(other);
      }
    }
    frontier = next;
  }
  return undefined;
}

function unwind(cameFrom: Map<string, Hop>, from: string, to: string): Hop[] {
  const route: Hop[] = [];
  for (let node = to; node !== from;) {
    const hop = cameFrom.get(node)!;
    route.unshift(hop);
    node = hop.from;
  }
  return route;
}
