import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { setField } from '../../../app/editing/edits';
import { documentText, isDirty } from '../../../app/store/document-slice';
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
    store.getState().markSaved('/t.yaml', documentText(store.getState())!);
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().path).toBe('/t.yaml');
  });
});

const COMMENTED = `# yaml-language-server: $schema=./placewise.schema.json
placewise: 1
name: Two tier   # a small one
components:
  - { id: camera, kind: camera, hardware: raspberry-pi-5 }
  - id: cloud
    kind: cloud
    hardware: aws-c7i-xlarge   # the default
    replicas: 1
links:
  - { id: uplink, between: [camera, cloud], tech: lte, mbps: 10 }   # measured
models: [{ id: detector, size_mb: 12, gflop: 2 }]
workload: { users: 10, per_user_rps: 1, source: camera, requests: 500 }
pipeline:
  - { id: capture, at: camera, compute_ms: 2, output_kb: 100 }
  - { id: detect, model: detector, output_kb: 1 }
options:
  - { id: local, place: { detect: camera } }
  - { id: remote, place: { detect: cloud } }
`;

function opened(text = COMMENTED) {
  const store = createPlacewiseStore();
  expect(store.getState().loadScenarioText('/c.yaml', text)).toBe(true);
  return store;
}

describe('the text to save', () => {
  test('is the file as opened, byte for byte, when nothing was edited', () => {
    expect(documentText(opened().getState())).toBe(COMMENTED);
  });

  test('changes only the edited field, and becomes the base once saved', () => {
    const store = opened();
    store.getState().edit((draft) => setField(draft, ['links', 0, 'mbps'], 20));
    const saved = documentText(store.getState())!;
    expect(saved).toBe(COMMENTED.replace('tech: lte, mbps: 10 }   # measured', 'tech: lte, mbps: 20 }   # measured'));
    store.getState().markSaved('/c.yaml', saved);
    expect(store.getState().baseText).toBe(saved);
    expect(isDirty(store.getState())).toBe(false);
    store.getState().edit((draft) => setField(draft, ['components', 1, 'replicas'], 2));
    expect(documentText(store.getState())).toBe(saved.replace('replicas: 1', 'replicas: 2'));
  });

  test('unsaved means a different value, not a different text', () => {
    const store = opened();
    store.getState().edit((draft) => setField(draft, ['workload', 'users'], 20));
    expect(isDirty(store.getState())).toBe(true);
    // The same value again, with the keys in another order.
    store.getState().edit((draft) => {
      const { users, ...rest } = draft.workload;
      return { ...draft, workload: { ...rest, users: users === 20 ? 10 : users } };
    });
    expect(isDirty(store.getState())).toBe(false);
  });

  test('a text from the host (a benchmark applied) becomes the base, and undo returns to the draft before it', () => {
    const store = opened();
    const applied = COMMENTED.replace(
      'models: [{ id: detector, size_mb: 12, gflop: 2 }]',
      'models: [{ id: detector, size_mb: 12, gflop: 2, latency_ms: { p50: 5, p95: 6, on: laptop } }]',
    );
    expect(store.getState().editText(applied)).toBe(true);
    expect(store.getState().draft?.models?.[0].latency_ms).toEqual({ p50: 5, p95: 6, on: 'laptop' });
    expect(documentText(store.getState())).toBe(applied);
    store.getState().undo();
    expect(documentText(store.getState())).toBe(COMMENTED);
  });

  test('a file that reads but does not validate opens as a draft with all its errors', () => {
    const store = opened();
    store.getState().edit((draft) => setField(draft, ['workload', 'users'], 20));
    const broken = COMMENTED.replace('mbps: 10', 'mbps: -5').replace('model: detector,', 'model: nmt2,');
    expect(store.getState().loadScenarioText('/broken.yaml', broken)).toBe(true);
    const state = store.getState();
    expect(state.path).toBe('/broken.yaml');
    expect(state.scenario).toBeNull();
    expect(state.lastValidScenario).toBeNull();
    expect(state.errors.map((error) => error.path)).toEqual(['links[0].mbps', 'pipeline[1].model']);
    expect(state.openProblem).toBeNull();
    expect(state.errors[0].line).toBe(11);
  });
});
