import { describe, expect, test } from 'vitest';
import { setField } from '../../../app/editing/edits';
import { resolvePositions } from '../../../app/canvas/model/positions';
import { componentSizes } from '../../../app/canvas/model/toFlow';
import { threeTierDraft } from './factories';

const AUTO = { watch: { x: 1, y: 2 }, phone: { x: 3, y: 4 }, cloud: { x: 5, y: 6 } };

describe('where components are drawn', () => {
  test('without a layout block: the automatic layout, once it is ready', () => {
    const draft = threeTierDraft();
    const sizes = componentSizes(draft, 'on-phone');
    expect(resolvePositions(draft, sizes, null)).toBeNull();
    expect(resolvePositions(draft, sizes, { watch: AUTO.watch })).toBeNull();
    expect(resolvePositions(draft, sizes, AUTO)).toEqual(AUTO);
  });

  test("with one: the user's positions, and the components without one in a column to their right", () => {
    const draft = setField(threeTierDraft(), ['layout'], { watch: { x: 100, y: 50 }, phone: { x: 100, y: 400 } });
    const positions = resolvePositions(draft, componentSizes(draft, 'on-phone'), AUTO)!;
    expect(positions.watch).toEqual({ x: 100, y: 50 });
    expect(positions.phone).toEqual({ x: 100, y: 400 });
    expect(positions.cloud.y).toBe(50);
    expect(positions.cloud.x).toBeGreaterThan(100 + 244);
  });

  test('a position that is not a pair of numbers counts as none', () => {
    const draft = setField(threeTierDraft(), ['layout'], { watch: { x: 'left', y: 0 } });
    expect(resolvePositions(draft, componentSizes(draft, 'on-phone'), AUTO)).toEqual(AUTO);
  });
});
