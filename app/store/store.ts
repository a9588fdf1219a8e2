// The one bound store of the renderer, made of slices.
import { createStore } from 'zustand/vanilla';
import { type BenchSlice, createBenchSlice } from './bench-slice';
import { type CapacitySlice, createCapacitySlice } from './capacity-slice';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createSimulationSlice, type SimulationSlice } from './simulation-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createUncertaintySlice, type UncertaintySlice } from './uncertainty-slice';

export type PlacewiseState = DocumentSlice & SimulationSlice & UiSlice & BenchSlice & CapacitySlice & UncertaintySlice;

export function createPlacewiseStore() {
  return createStore<PlacewiseState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSimulationSlice(...a),
    ...createUiSlice(...a),
    ...createBenchSlice(...a),
    ...createCapacitySlice(...a),
    ...createUncertaintySlice(...a),
  }));
}

export type PlacewiseStore = ReturnType<typeof createPlacewiseStore>;
