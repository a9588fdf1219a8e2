import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { addComponentAt } from '../../../app/canvas/commands/addComponent';
import { connect } from '../../../app/canvas/commands/connect';
import { applyLayout, moveNodes } from '../../../app/canvas/commands/moveNodes';
import { placeChip } from '../../../app/canvas/commands/placeChip';
import { removeEntities } from '../../../app/canvas/commands/removeEntities';
import { reorderStep } from '../../../app/canvas/commands/reorderStep';
import type { ScenarioDraft } from '../../../app/editing/draft';
import { setField } from '../../../app/editing/edits';
import { createPlacewiseStore } from '../../../app/store/store';
import { validateScenario } from '../../../simulator/scenario/load';
import { POSITIONS, threeTierDraft } from './factories';

/** Runs a command as the canvas does (one edit), checks it left its input alone, and that undo and redo restore each side. */
function doUndoRedo(command: (draft: ScenarioDraft) => ScenarioDraft, start: ScenarioDraft = threeTierDraft()) {
  const store = createPlacewiseStore();
  expect(store.getState().loadScenarioText('/s.yaml', stringify(start))).toBe(true);
  const before = structuredClone(store.getState().draft);
  const input = store.getState().draft!;
  store.getState().edit(command);
  const after = store.getState().draft!;
  expect(input).toEqual(before);
  expect(after).not.toEqual(before);
  store.getState().undo();
  expect(store.getState().draft).toEqual(before);
  store.getState().redo();
  expect(store.getState().draft).toEqual(after);
  return after;
}

describe('canvas commands', () => {
  test('moveNodes records the moved component and where every other one is drawn', () => {
    const after = doUndoRedo((draft) => moveNodes(draft, { cloud: { x: 700.4, y: 80.6 } }, POSITIONS));
    expect(after.layout).toEqual({ watch: { x: 0, y: 0 }, phone: { x: 0, y: 300 }, cloud: { x: 700, y: 81 } });
    expect(validateScenario(after).ok).toBe(true);
    const placed = setField(threeTierDraft(), ['layout'], after.layout);
    expect(moveNodes(placed, { watch: { x: 0, y: 0 } }, POSITIONS)).toBe(placed);
    const moved = moveNodes(placed, { watch: { x: 20, y: 0 } }, { ...POSITIONS, phone: { x: 999, y: 999 } });
    expect(moved.layout).toEqual({ ...after.layout, watch: { x: 20, y: 0 } });
  });

  test('applyLayout puts every component where the automatic layout says', () => {
    const placed = setField(threeTierDraft(), ['layout'], { watch: { x: 500, y: 500 } });
    const after = doUndoRedo((draft) => applyLayout(draft, POSITIONS), placed);
    expect(after.layout).toEqual(POSITIONS);
  });

  test('addComponentAt adds a component of the kind, at the drop point when there is one', () => {
    const dropped = doUndoRedo((draft) => addComponentAt(draft, 'edge', { x: 300, y: 40 }, POSITIONS));
    expect(dropped.components[3]).toEqual({ id: 'edge-1', kind: 'edge', hardware: 'jetson-orin-nano' });
    expect(dropped.layout?.['edge-1']).toEqual({ x: 300, y: 40 });
    expect(validateScenario(dropped).ok).toBe(true);
    const clicked = doUndoRedo((draft) => addComponentAt(draft, 'serverless', null, POSITIONS));
    expect(clicked.components[3].id).toBe('serverless-1');
    expect(clicked).not.toHaveProperty('layout');
  });

  test('connect adds a link with the technology of the kinds it joins, and refuses a duplicate or a self link', () => {
    const after = doUndoRedo((draft) => connect(draft, 'watch', 'cloud'));
    expect(after.links?.[2]).toEqual({ id: 'watch-cloud', between: ['watch', 'cloud'], tech: 'lte' });
    // The new, shorter route skips the phone, so the cache there would never answer: the link is right, the option is not.
    const validated = validateScenario(after);
    expect(!validated.ok && validated.errors.map((error) => error.path)).toEqual(['options[1].cache.recognize.at']);
    const draft = threeTierDraft();
    expect(connect(draft, 'phone', 'watch')).toBe(draft);
    expect(connect(draft, 'phone', 'phone')).toBe(draft);
  });

  test('removeEntities removes links and components (with their links and positions) in one edit', () => {
    const placed = setField(threeTierDraft(), ['layout'], POSITIONS);
    const after = doUndoRedo(
      (draft) => removeEntities(draft, { components: ['cloud'], links: ['watch-phone'] }),
      placed,
    );
    expect(after.components.map((component) => component.id)).toEqual(['watch', 'phone']);
    expect(after.links).toEqual([]);
    expect(Object.keys(after.layout ?? {})).toEqual(['watch', 'phone']);
  });

  test('placeChip moves a step, a fallback or a cache in the shown option only; a pinned step stays', () => {
    const step = doUndoRedo((draft) => placeChip(draft, 'on-phone', { kind: 'step', step: 'understand' }, 'cloud'));
    expect(step.options[0].place).toEqual({ recognize: 'phone', understand: 'cloud' });
    expect(step.options[1]).toEqual(threeTierDraft().options[1]);
    expect(validateScenario(step).ok).toBe(true);
    const fallback = doUndoRedo((draft) =>
      placeChip(draft, 'in-cloud', { kind: 'fallback', step: 'recognize' }, 'watch'),
    );
    expect(fallback.options[1].fallback).toEqual({ recognize: { at: 'watch' } });
    const cache = doUndoRedo((draft) => placeChip(draft, 'in-cloud', { kind: 'cache', step: 'recognize' }, 'watch'));
    expect(cache.options[1].cache).toEqual({ recognize: { at: 'watch', hit_rate: 0.4 } });

    const draft = threeTierDraft();
    expect(placeChip(draft, 'on-phone', { kind: 'step', step: 'wake' }, 'phone')).toBe(draft);
    expect(placeChip(draft, 'on-phone', { kind: 'step', step: 'recognize' }, 'phone')).toBe(draft);
    expect(placeChip(draft, 'on-phone', { kind: 'step', step: 'recognize' }, 'gone')).toBe(draft);
    expect(placeChip(draft, 'on-phone', { kind: 'fallback', step: 'recognize' }, 'watch')).toBe(draft);
  });

  test('reorderStep moves a step to another place in the pipeline', () => {
    const after = doUndoRedo((draft) => reorderStep(draft, 2, 1));
    expect(after.pipeline.map((step) => step.id)).toEqual(['wake', 'understand', 'recognize']);
    const draft = threeTierDraft();
    expect(reorderStep(draft, 1, 1)).toBe(draft);
    expect(reorderStep(draft, 1, 5)).toBe(draft);
  });
});
