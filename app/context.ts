// Gives the views the session (host work) and the store.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PlacewiseSession } from './session';
import type { PlacewiseState } from './store/store';

export const SessionContext = createContext<PlacewiseSession | null>(null);

export function useSession(): PlacewiseSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

export function usePlacewise<T>(selector: (state: PlacewiseState) => T): T {
  return useStore(useSession().store, selector);
}
