import { describe, expect, test } from 'vitest';
import { setField } from '../../../app/editing/edits';
import { scopeNodeId } from '../../../app/canvas/model/types';
import { toFlow } from '../../../app/canvas/model/toFlow';
import { POSITIONS, threeTierDraft } from './factories';

describe('toFlow', () => {
  test('gives a node per component inside its scope node, parents first, and an edge per link', () => {
    const { nodes, edges } = toFlow(threeTierDraft(), 'on-phone', POSITIONS);
    expect(nodes.map((node) => node.id)).toEqual([
      scopeNodeId('per-user'),
      scopeNodeId('shared'),
      'watch',
      'phone',
      'cloud',
    ]);
    const parents = new Map(nodes.map((node) => [node.id, node.parentId]));
    expect(parents.get('watch')).toBe(scopeNodeId('per-user'));
    expect(parents.get('cloud')).toBe(scopeNodeId('shared'));
    for (const [index, node] of nodes.entries()) {
      if (node.parentId) expect(nodes.findIndex((parent) => parent.id === node.parentId)).toBeLessThan(index);
    }
    expect(edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
      ['watch-phone', 'watch', 'phone'],
      ['phone-cloud', 'phone', 'cloud'],
    ]);
    expect(edges[0].data).toMatchObject({ tech: 'bluetooth', latency: '40–200 ms', bandwidth: '3 Mbit/s' });
    expect(nodes.find((node) => node.id === 'phone')?.ariaLabel).toBe(
      'phone: phone, Mid-range phone (Snapdragon 7 Gen 3 class), per-user; runs recognize, understand',
    );
    expect(edges[1].ariaLabel).toBe('Link phone-cloud between phone and cloud: lte, 50 ms median, 120 p95, 20 Mbit/s');
  });

  test('places components at their positions, relative to a scope box that contains them', () => {
    const { nodes } = toFlow(threeTierDraft(), 'on-phone', POSITIONS);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    for (const id of ['watch', 'phone', 'cloud'] as const) {
      const node = byId.get(id)!;
      const scope = byId.get(node.parentId!)!;
      expect({ x: scope.position.x + node.position.x, y: scope.position.y + node.position.y }).toEqual(POSITIONS[id]);
      expect(node.position.x).toBeGreaterThan(0);
      expect(node.position.y).toBeGreaterThan(0);
      expect(node.position.x + node.width!).toBeLessThan(scope.width!);
      expect(node.position.y + node.height!).toBeLessThan(scope.height!);
    }
  });

  test("shows the option's steps, fallbacks and caches as chips on the components that run them", () => {
    const chips = (optionId: string) =>
      Object.fromEntries(
        toFlow(threeTierDraft(), optionId, POSITIONS)
          .nodes.filter((node) => node.type === 'component')
          .map((node) => [
            node.id,
            (node.data.chips as { kind: string; step: string }[]).map((chip) => `${chip.kind}:${chip.step}`),
          ]),
      );
    expect(chips('on-phone')).toEqual({
      watch: ['step:wake'],
      phone: ['step:recognize', 'step:understand'],
      cloud: [],
    });
    expect(chips('in-cloud')).toEqual({
      watch: ['step:wake'],
      phone: ['fallback:recognize', 'cache:recognize'],
      cloud: ['step:recognize', 'step:understand'],
    });
    const watch = toFlow(threeTierDraft(), 'on-phone', POSITIONS).nodes.find((node) => node.id === 'watch')!;
    expect(watch.data.chips).toEqual([{ kind: 'step', step: 'wake', stepIndex: 0, detail: null, pinned: true }]);
  });

  test('a cache chip reads its hit rate, an uncertain one at its nominal value marked ≈', () => {
    const cacheDetail = (hitRate: unknown) => {
      const draft = setField(threeTierDraft(), ['options', 1, 'cache', 'recognize', 'hit_rate'], hitRate);
      const phone = toFlow(draft, 'in-cloud', POSITIONS).nodes.find((node) => node.id === 'phone')!;
      return (phone.data.chips as { kind: string; detail: string | null }[]).find((chip) => chip.kind === 'cache')!
        .detail;
    };
    expect(cacheDetail(0.4)).toBe('40.0% hits');
    expect(cacheDetail({ range: [0.4, 0.8] })).toBe('≈60.0% hits');
    expect(cacheDetail('lots')).toBeNull();
  });

  test('keeps the objects of unchanged entities, and replaces only what an edit changed', () => {
    const draft = threeTierDraft();
    const first = toFlow(draft, 'on-phone', POSITIONS);
    const again = toFlow(structuredClone(draft), 'on-phone', POSITIONS, first);
    expect(again.nodes.every((node, index) => node === first.nodes[index])).toBe(true);
    expect(again.edges.every((edge, index) => edge === first.edges[index])).toBe(true);

    const edited = toFlow(
      setField(draft, ['components', 2, 'hardware'], 'aws-g5-xlarge'),
      'on-phone',
      POSITIONS,
      first,
    );
    const changed = edited.nodes.filter((node, index) => node !== first.nodes[index]).map((node) => node.id);
    expect(changed).toEqual(['cloud']);
    expect(edited.edges.every((edge, index) => edge === first.edges[index])).toBe(true);

    const relinked = toFlow(setField(draft, ['links', 1, 'mbps'], 5), 'on-phone', POSITIONS, first);
    expect(relinked.nodes.every((node, index) => node === first.nodes[index])).toBe(true);
    expect(relinked.edges.map((edge, index) => edge === first.edges[index])).toEqual([true, false]);
  });

  test('draws what it can of a draft being edited: repeated ids once, links to nowhere not at all', () => {
    let draft = threeTierDraft();
    draft = setField(draft, ['components', 3], { id: 'phone', kind: 'edge', hardware: 'jetson-orin-nano' });
    draft = setField(draft, ['links', 2], { id: 'to-nowhere', between: ['phone', 'gone'], tech: 'wifi' });
    draft = setField(draft, ['links', 1, 'latency_ms'], { range: [20, 60] });
    const { nodes, edges } = toFlow(draft, 'no-such-option', POSITIONS);
    expect(nodes.filter((node) => node.id === 'phone')).toHaveLength(1);
    expect(edges.map((edge) => edge.id)).toEqual(['watch-phone', 'phone-cloud']);
    expect(edges[1].data?.latency).toBe('about 40 ms');
  });
});
