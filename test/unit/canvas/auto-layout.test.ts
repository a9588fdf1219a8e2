import { describe, expect, test } from 'vitest';
import { autoLayout, LINK_LABEL_SIZE, type LayoutBox } from '../../../app/canvas/model/autoLayout';
import { componentSizes, layoutInput } from '../../../app/canvas/model/toFlow';
import { setField } from '../../../app/editing/edits';
import { floatingEnds } from '../../../app/canvas/edges/floating-ends';
import { threeTierDraft } from './factories';

function overlap(a: LayoutBox, b: LayoutBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: LayoutBox, outer: LayoutBox): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** A larger system: two devices per user, a gateway, three servers, and a component with no link. */
function largerDraft() {
  let draft = threeTierDraft();
  const extra = [
    { id: 'earbuds', kind: 'wearable', hardware: 'smart-glasses-soc' },
    { id: 'gateway', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
    { id: 'gpu', kind: 'cloud', hardware: 'aws-g5-xlarge' },
    { id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb' },
    { id: 'spare', kind: 'edge', hardware: 'jetson-orin-nano' },
  ];
  draft = setField(draft, ['components'], [...draft.components, ...extra]);
  return setField(
    draft,
    ['links'],
    [
      ...(draft.links ?? []),
      { id: 'earbuds-phone', between: ['earbuds', 'phone'], tech: 'bluetooth' },
      { id: 'cloud-gateway', between: ['cloud', 'gateway'], tech: 'ethernet' },
      { id: 'gateway-gpu', between: ['gateway', 'gpu'], tech: 'ethernet' },
      { id: 'gateway-fn', between: ['gateway', 'fn'], tech: 'ethernet' },
    ],
  );
}

describe('automatic layout', () => {
  test.each([
    ['three tiers', threeTierDraft()],
    ['a larger system', largerDraft()],
  ])('%s: no boxes overlap, each inside its scope, and no link label on a box', async (_name, draft) => {
    const input = layoutInput(draft, componentSizes(draft, 'in-cloud'));
    const { positions, scopes } = await autoLayout(input);
    const boxes = input.components.map((component) => ({
      id: component.id,
      scope: component.scope,
      box: { ...positions[component.id], ...component.size },
    }));
    expect(Object.keys(positions).sort()).toEqual(input.components.map((component) => component.id).sort());
    for (const [index, { box, scope }] of boxes.entries()) {
      expect(inside(box, scopes[scope]!)).toBe(true);
      for (const other of boxes.slice(index + 1)) expect(overlap(box, other.box)).toBe(false);
    }
    expect(overlap(scopes['per-user']!, scopes.shared!)).toBe(false);
    const boxOf = new Map(boxes.map(({ id, box }) => [id, box]));
    for (const link of input.links) {
      const { from, to } = floatingEnds(boxOf.get(link.source)!, boxOf.get(link.target)!);
      const label = {
        x: (from.x + to.x) / 2 - LINK_LABEL_SIZE.width / 2,
        y: (from.y + to.y) / 2 - LINK_LABEL_SIZE.height / 2,
        ...LINK_LABEL_SIZE,
      };
      for (const { id, box } of boxes) expect(overlap(label, box), `${link.id} label on ${id}`).toBe(false);
    }
  });

  test('puts the per-user devices left of the shared servers', async () => {
    const draft = threeTierDraft();
    const { scopes } = await autoLayout(layoutInput(draft, componentSizes(draft, 'on-phone')));
    expect(scopes['per-user']!.x + scopes['per-user']!.width).toBeLessThan(scopes.shared!.x);
  });
});
