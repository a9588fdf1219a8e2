// The open scenario: where it lives, the text it came from, the draft being edited, its
// validation, and undo/redo. Saving writes the text the document came from, changed only
// where the draft differs (updateScenarioText), so comments and layout stay as written.
import { readScenarioText, validateScenario } from '../../simulator/scenario/load';
import { formatScenarioError, type ScenarioError } from '../../simulator/scenario/scenario-error';
import type { Scenario } from '../../simulator/scenario/schema';
import { sameValue } from '../../simulator/scenario-text/same-value';
import { readValue, updateScenarioText } from '../../simulator/scenario-text/update-text';
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
  /** The text the document came from (as opened, saved, recovered, or returned by applying a benchmark). */
  baseText: string | null;
  /** The file's content on disk as last opened or saved; null when the work is saved nowhere. */
  savedValue: ScenarioDraft | null;
  past: ScenarioDraft[];
  future: ScenarioDraft[];
  openProblem: OpenProblem | null;
  /**
   * Opens a file's text as the document. A file that is not YAML or JSON keeps the open work
   * and says why; one that reads but does not validate opens with its errors, to be repaired.
   */
  loadScenarioText(path: string | null, text: string, options?: { savedValue?: ScenarioDraft | null }): boolean;
  reportOpenProblem(problem: OpenProblem | null): void;
  edit(change: (draft: ScenarioDraft) => ScenarioDraft): void;
  /** Takes a whole new text (a benchmark applied on the host) as one undoable edit. */
  editText(text: string): boolean;
  undo(): void;
  redo(): void;
  markSaved(path: string, text: string): void;
}

/** The text to save, autosave or export: the document's own text with the draft's changes. */
export function documentText(state: Pick<DocumentSlice, 'draft' | 'baseText'>): string | null {
  if (!state.draft || state.baseText === null) return null;
  return updateScenarioText(state.baseText, state.draft);
}

export function isDirty(state: Pick<DocumentSlice, 'draft' | 'savedValue'>): boolean {
  return (
    state.draft !== null &&
    (state.savedValue === null || (state.draft !== state.savedValue && !sameValue(state.draft, state.savedValue)))
  );
}

/** Whether `text` holds what the open file holds on disk (a recovery copy that would restore nothing). */
export function matchesSaved(state: Pick<DocumentSlice, 'savedValue'>, text: string): boolean {
  const read = readValue(text);
  return state.savedValue !== null && read !== undefined && sameValue(read.value, state.savedValue);
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
  baseText: null,
  savedValue: null,
  past: [],
  future: [],
  openProblem: null,

  loadScenarioText(path, text, options) {
    const read = readScenarioText(text);
    if (!read.ok) {
      const file = path ?? 'scenario';
      set({ openProblem: { path: file, messages: read.errors.map((error) => formatScenarioError(file, error)) } });
      return false;
    }
    const draft = read.raw as unknown as ScenarioDraft;
    const opened = validated(draft, null);
    set({
      ...opened,
      errors: opened.errors.map(read.lineOf),
      path,
      baseText: text,
      savedValue: options?.savedValue === undefined ? draft : options.savedValue,
      past: [],
      future: [],
      openProblem: null,
      // Results of the previous document say nothing about this one.
      results: null,
      focusPreview: null,
      fidelity: null,
      simulating: false,
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

  editText(text) {
    const read = readScenarioText(text);
    if (!read.ok || !get().draft) return false;
    set({ baseText: text });
    get().edit(() => read.raw as unknown as ScenarioDraft);
    return true;
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
    const read = readValue(text);
    set({ path, baseText: text, savedValue: read ? (read.value as ScenarioDraft) : get().draft });
  },
});
