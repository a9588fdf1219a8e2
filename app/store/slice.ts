import type { StateCreator } from 'zustand';
import type { PlacewiseState } from './store';

/** One slice of the bound store: it sees (and may set) the whole state. */
export type StoreSlice<T> = StateCreator<PlacewiseState, [], [], T>;
