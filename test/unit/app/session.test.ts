import { describe, expect, test, vi } from 'vitest';
import { stringify } from 'yaml';
import { setField } from '../../../app/editing/edits';
import { starterScenario } from '../../../app/new-scenario/starters';
import { PlacewiseSession } from '../../../app/session';
import type { SimulationWorker } from '../../../app/simulation/simulation-runner';
import { isDirty } from '../../../app/store/document-slice';
import { createPlacewiseStore } from '../../../app/store/store';
import type {
  OpenScenarioResult,
  PlacewiseApi,
  RecoveryRecord,
  SaveScenarioResult,
} from '../../../electron/api/contract';
import { twoTierDraft } from './scenario-draft';

const SCENARIO_TEXT = stringify(twoTierDraft());

function fakeApi(files: Record<string, string>, overrides: Partial<PlacewiseApi> = {}) {
  let recovery: RecoveryRecord | null = null;
  const api = {
    hostInfo: async () => ({
      transport: 'http' as const,
      startScenarioPath: '/s.yaml',
      nativeDialogs: false,
      version: 'test',
    }),
    openScenario: async (path: string): Promise<OpenScenarioResult> =>
      path in files
        ? { ok: true, file: { path, text: files[path] } }
        : { ok: false, path, message: `${path}: the file does not exist (moved or deleted?)` },
    saveScenario: async ({ path, text }: { path: string; text: string }): Promise<SaveScenarioResult> => {
      files[path] = text;
      return { ok: true, path };
    },
    readRecovery: async () => recovery,
    writeRecovery: vi.fn(async (record: { path: string | null; text: string }) => {
      recovery = { ...record, saved_at: '2026-01-01T00:00:00Z' };
    }),
    clearRecovery: vi.fn(async () => {
      recovery = null;
    }),
    recentFiles: async () => [],
    ...overrides,
  };
  return { api: api as unknown as PlacewiseApi, recovery: () => recovery };
}

const idleWorker = (): SimulationWorker => ({
  postMessage: () => undefined,
  terminate: () => undefined,
  onmessage: null,
  onerror: null,
});

async function started(files: Record<string, string>, overrides: Partial<PlacewiseApi> = {}) {
  const { api, recovery } = fakeApi(files, overrides);
  const session = new PlacewiseSession(api, createPlacewiseStore(), idleWorker);
  await session.start();
  return { session, api, recovery, state: () => session.store.getState() };
}

describe('the session', () => {
  test('opens the start scenario', async () => {
    const { state } = await started({ '/s.yaml': SCENARIO_TEXT });
    expect(state().path).toBe('/s.yaml');
    expect(state().scenario?.name).toBe('Two tier');
  });

  test('a vanished or broken file leaves the open work as it was', async () => {
    const { session, state } = await started({ '/s.yaml': SCENARIO_TEXT, '/broken.yaml': 'placewise: 1\nname: [' });
    state().edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
    await session.open('/gone.yaml');
    expect(state().openProblem?.messages).toEqual(['/gone.yaml: the file does not exist (moved or deleted?)']);
    await session.open('/broken.yaml');
    expect(state().openProblem?.path).toBe('/broken.yaml');
    expect(state().draft?.links?.[0].mbps).toBe(4);
    expect(state().path).toBe('/s.yaml');
  });

  test('a valid file asks before it replaces unsaved work', async () => {
    const { session, state } = await started({ '/s.yaml': SCENARIO_TEXT, '/t.yaml': SCENARIO_TEXT });
    expect(await session.open('/t.yaml')).toBe(true);
    state().edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
    expect(await session.open('/s.yaml')).toBe(false);
    expect(state().discardPrompt?.path).toBe('/s.yaml');
    expect(state().path).toBe('/t.yaml');
    session.load(state().discardPrompt!);
    expect(state().path).toBe('/s.yaml');
    expect(state().discardPrompt).toBeNull();
    expect(isDirty(state())).toBe(false);
  });

  test('a new scenario opens unsaved with no file, asks before it replaces unsaved work, and Save asks where', async () => {
    const { session, state } = await started({ '/s.yaml': SCENARIO_TEXT });
    const opened = state().documentSerial;
    expect(session.startNew(starterScenario('hybrid', 'wearable'))).toBe(true);
    expect(state().path).toBeNull();
    expect(state().scenario?.options.map((option) => option.id)).toEqual(['on-phone', 'in-cloud', 'hybrid']);
    expect(isDirty(state())).toBe(true);
    expect(state().documentSerial).toBe(opened + 1);

    expect(session.startNew(starterScenario('blank', 'camera'))).toBe(false);
    expect(state().discardPrompt?.path).toBeNull();
    session.load(state().discardPrompt!);
    expect(state().scenario?.components.map((component) => component.id)).toEqual(['camera']);
    expect(await session.save()).toBe(false);
    expect(state().pathPrompt).toEqual({ purpose: 'save', initial: '' });
  });

  test('a failed save keeps the work unsaved and says why', async () => {
    const { session, state } = await started(
      { '/s.yaml': SCENARIO_TEXT },
      {
        saveScenario: async ({ path }) => ({
          ok: false,
          path,
          message: `${path}: cannot save here: the location is read-only`,
        }),
      },
    );
    state().edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
    expect(await session.saveAs('/ro/s.yaml')).toBe(false);
    expect(state().notice).toEqual({ kind: 'error', text: '/ro/s.yaml: cannot save here: the location is read-only' });
    expect(isDirty(state())).toBe(true);
    expect(state().path).toBe('/s.yaml');
  });

  test('save, autosave and save-as write the file as written with only the edited line changed', async () => {
    vi.useFakeTimers();
    try {
      const commented = SCENARIO_TEXT.replace('mbps: 10', 'mbps: 10 # measured').replace(/^/, '# my scenario\n');
      const files: Record<string, string> = { '/s.yaml': commented };
      const { api, recovery } = fakeApi(files);
      const session = new PlacewiseSession(api, createPlacewiseStore(), idleWorker);
      await session.start();
      expect(await session.save()).toBe(true);
      expect(files['/s.yaml']).toBe(commented);
      session.store.getState().edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
      await vi.runAllTimersAsync();
      // The comment keeps its column.
      const edited = commented.replace('mbps: 10 # measured', 'mbps: 4  # measured');
      expect(recovery()?.text).toBe(edited);
      expect(await session.saveAs('/copy.yaml')).toBe(true);
      expect(files['/copy.yaml']).toBe(edited);
      expect(files['/s.yaml']).toBe(commented);
      session.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  test('edits are autosaved for recovery, offered on the next start, and cleared by a save', async () => {
    vi.useFakeTimers();
    try {
      const files = { '/s.yaml': SCENARIO_TEXT };
      const { api } = fakeApi(files);
      const first = new PlacewiseSession(api, createPlacewiseStore(), idleWorker);
      await first.start();
      first.store.getState().edit((draft) => setField(draft, ['links', 0, 'mbps'], 4));
      await vi.runAllTimersAsync();
      expect(api.writeRecovery).toHaveBeenCalledTimes(1);
      first.dispose();

      const second = new PlacewiseSession(api, createPlacewiseStore(), idleWorker);
      await second.start();
      expect(second.store.getState().recoveryOffer?.path).toBe('/s.yaml');
      second.restoreRecovery();
      expect(second.store.getState().draft?.links?.[0].mbps).toBe(4);
      expect(isDirty(second.store.getState())).toBe(true);
      expect(await second.save()).toBe(true);
      expect(api.clearRecovery).toHaveBeenCalled();
      expect(files['/s.yaml']).toContain('mbps: 4');
      second.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
