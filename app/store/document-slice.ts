// The open scenario: where it lives, the draft being edited, its validation, and undo/redo.
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parseScenarioText, validateScenario } from '../../simulator/scenario/load';
import { formatScenarioError, type ScenarioError } from '../../simulator/scenario/scenario-error';
import type { Scenario } from '../../simulator/scenario/schema';
import type { ScenarioDraft } from '../editing/draft';
import type { StoreSlice } from './slice';

const UNDO_DEPTH = 200;

/** Why a file could not be opened: the open work stays as it was. */
export interface OpenProblem {
  path: string;
  messages: string[];
}

export interface DocumentSlice {
  path: string | null;
  draft: ScenarioDraft | null;
  /** The draft when it validates; the last valid one stays in `lastValidScenario`. */
  scenario: Scenario | null;
  lastValidScenario: Scenario | null;
  errors: ScenarioError[];
  /** The text of the file as last opened or saved, to tell whether there is unsaved work. */
  savedText: string | null;
  past: ScenarioDraft[];
  future: ScenarioDraft[];
  openProblem: OpenProblem | null;
  /** Loads a file's text as the open document; on a parse or validation failure keeps the open one and says why. */
  loadScenarioText(path: string | null, text: string, options?: { savedText?: string | null }): boolean;
  reportOpenProblem(problem: OpenProblem | null): void;
  edit(change: (draft: ScenarioDraft) => ScenarioDraft): void;
  undo(): void;
  redo(): void;
  markSaved(path: string, text: string): void;
}

export function draftText(draft: ScenarioDraft): string {
  return stringifyYaml(draft, { lineWidth: 0 });
}

export function isDirty(state: Pick<DocumentSlice, 'draft' | 'savedText'>): boolean {
  return state.draft !== null && (state.savedText === null || draftText(state.draft) !== state.savedText);
}

function validated(draft: ScenarioDraft, lastValid: Scenario | null) {
  const result = validateScenario(draft);
  return result.ok
    ? { draft, scenario: result.scenario, lastValidScenario: result.scenario, errors: [] }
    : { draft, scenario: null, lastValidScenario: lastValid, errors: result.errors };
}

export const createDocumentSlice: StoreSlice<DocumentSlice> = (set, get) => ({
  path: null,
  draft: null,
  scenario: null,
  lastValidScenario: null,
  errors: [],
  savedText: null,
  past: [],
  future: [],
  openProblem: null,

  loadScenarioText(path, text, options) {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      const file = path ?? 'scenario';
      set({ openProblem: { path: file, messages: parsed.errors.map((error) => formatScenarioError(file, error)) } });
      return false;
    }
    const draft = parseYaml(text) as ScenarioDraft;
    set({
      ...validated(draft, parsed.scenario),
      path,
      savedText: options?.savedText === undefined ? draftText(draft) : options.savedText,
      past: [],
      future: [],
      openProblem: null,
    });
    return true;
  },

  reportOpenProblem(problem) {
    set({ openProblem: problem });
  },

  edit(change) {
    const { draft, past, lastValidScenario } = get();
    if (!draft) return;
    const next = change(draft);
    if (next === draft) return;
    set({ ...validated(next, lastValidScenario), past: [...past, draft].slice(-UNDO_DEPTH), future: [] });
  },

  undo() {
    const { draft, past, future, lastValidScenario } = get();
    const previous = past[past.length - 1];
    if (!draft || !previous) return;
    set({ ...validated(previous, lastValidScenario), past: past.slice(0, -1), future: [draft, ...future] });
  },

  redo() {
    const { draft, past, future, lastValidScenario } = get();
    const next = future[0];
    if (!draft || !next) return;
    set({ ...validated(next, lastValidScenario), past: [...past, draft], future: future.slice(1) });
  },

  markSaved(path, text) {
    set({ path, savedText: text });
  },
});
