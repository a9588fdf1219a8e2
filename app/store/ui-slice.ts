// What the user is looking at: the view, the selected item, the option drawn in the diagram,
// and the messages shown to them.
import type { RecoveryRecord } from '../../electron/api/contract';
import type { Selection } from '../editing/draft';
import type { StoreSlice } from './slice';

export type View = 'model' | 'compare' | 'capacity' | 'benchmark' | 'export';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** A document ready to replace the open one: a file read (with its path) or a new scenario (path null). */
export interface PendingDocument {
  path: string | null;
  text: string;
}

/** A path asked of the user where the host has no native dialogs (browser mode). */
export type PathPrompt = { purpose: 'open' | 'save'; initial: string } | null;

export interface UiSlice {
  view: View;
  selection: Selection | null;
  /** The option whose placement the diagram shows; null: the recommendation or the first. */
  diagramOption: string | null;
  notice: Notice | null;
  pathPrompt: PathPrompt;
  /** Unsaved work found from a previous run, offered for restoring. */
  recoveryOffer: RecoveryRecord | null;
  /** A document ready to open, waiting for the user to agree to drop unsaved work. */
  discardPrompt: PendingDocument | null;
  /** File › New is asking which starting point. */
  newScenarioPrompt: boolean;
  /** Counts the documents opened (or started new), so that views can start afresh for each. */
  documentSerial: number;
  setView(view: View): void;
  select(selection: Selection | null): void;
  setDiagramOption(id: string | null): void;
  notify(notice: Notice | null): void;
  setPathPrompt(prompt: PathPrompt): void;
  setRecoveryOffer(record: RecoveryRecord | null): void;
  setDiscardPrompt(document: PendingDocument | null): void;
  setNewScenarioPrompt(open: boolean): void;
  documentOpened(): void;
}

export const createUiSlice: StoreSlice<UiSlice> = (set) => ({
  view: 'model',
  selection: null,
  diagramOption: null,
  notice: null,
  pathPrompt: null,
  recoveryOffer: null,
  discardPrompt: null,
  newScenarioPrompt: false,
  documentSerial: 0,
  setView: (view) => set({ view }),
  select: (selection) => set({ selection }),
  setDiagramOption: (diagramOption) => set({ diagramOption }),
  notify: (notice) => set({ notice }),
  setPathPrompt: (pathPrompt) => set({ pathPrompt }),
  setRecoveryOffer: (recoveryOffer) => set({ recoveryOffer }),
  setDiscardPrompt: (discardPrompt) => set({ discardPrompt }),
  setNewScenarioPrompt: (newScenarioPrompt) => set({ newScenarioPrompt }),
  documentOpened: () => set((state) => ({ documentSerial: state.documentSerial + 1 })),
});
