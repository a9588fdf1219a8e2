import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { setField } from '../../../app/editing/edits';
import { draftText, isDirty } from '../../../app/store/document-slice';
import { createPlacewiseStore } from '../../../app/store/store';
import { twoTierDraft } from './scenario-draft';

function loaded() {
  const store = createPlacewiseStore();
  expect(store.getState().loadScenarioText('/s.yaml', stringify(twoTierDraft()))).toBe(true);
  return store;
}

describe('the open document', () => {
  test('a loaded file is valid, clean and has no history', () => {
    const state = loaded().getState();
    expect(state.scenario?.name).toBe('Two tier');
    expect(state.errors).toEqual([]);
    expect(isDirty(state)).toBe(false);
    expect(state.past).toEqual([]);
  });

  test('a broken file is reported and the open one kept', () => {
    const store = loaded();
    store.getState().edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
    expect(store.getState().loadScenarioText('/bad.yaml', 'placewise: 1\nname: [')).toBe(false);
    const state = store.getState();
    expect(state.openProblem?.path).toBe('/bad.yaml');
    expect(state.openProblem?.messages[0]).toMatch(/^\/bad\.yaml: \(file\): not valid YAML or JSON/);
    expect(state.path).toBe('/s.yaml');
    expect(state.draft?.links?.[0].mbps).toBe(4);
  });

  test('undo and redo walk the edits; a new edit clears redo', () => {
    const store = loaded();
    const { edit } = store.getState();
    edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
    edit((draft) => setField(draft, ['links', 0, 'mbps'], 5));
    store.getState().undo();
    expect(store.getState().draft?.links?.[0].mbps).toBe(4);
    store.getState().undo();
    expect(store.getState().draft?.links?.[0].mbps).toBe(10);
    expect(isDirty(store.getState())).toBe(false);
    store.getState().redo();
    expect(store.getState().draft?.links?.[0].mbps).toBe(4);
    store.getState().edit((draft) => setField(draft, ['workload', 'users'], 20));
    expect(store.getState().future).toEqual([]);
  });

  test('an invalid edit keeps the last valid scenario for the results and diagram', () => {
    const store = loaded();
    const valid = store.getState().scenario;
    store.getState().edit((draft) => setField(draft, ['links', 0, 'mbps'], -1));
    const state = store.getState();
    expect(state.scenario).toBeNull();
    expect(state.lastValidScenario).toBe(valid);
    expect(state.errors.map((error) => error.path)).toEqual(['links[0].mbps']);
  });

  test('saving marks the document clean', () => {
    const store = loaded();
    store.getState().edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
    expect(isDirty(store.getState())).toBe(true);
    store.getState().markSaved('/t.yaml', draftText(store.getState().draft!));
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().path).toBe('/t.yaml');
  });
});
