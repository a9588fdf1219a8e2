// The automatic layout of the components, recomputed when what it depends on changes (boxes,
// scopes, links). While a new one is computed the last one stays, so the canvas does not blink.
import { useEffect, useState } from 'react';
import { usePlacewise } from '../../context';
import { autoLayout, type LayoutInput } from '../model/autoLayout';
import type { XY } from '../model/types';

export function useAutoLayout(input: LayoutInput | null): Readonly<Record<string, XY>> | null {
  const key = input ? JSON.stringify(input) : null;
  const notify = usePlacewise((state) => state.notify);
  const [layout, setLayout] = useState<{ key: string; positions: Record<string, XY> } | null>(null);
  useEffect(() => {
    if (key === null || layout?.key === key) return;
    let current = true;
    autoLayout(JSON.parse(key) as LayoutInput).then(
      ({ positions }) => {
        if (current) setLayout({ key, positions });
      },
      (error: unknown) => {
        if (current)
          notify({
            kind: 'error',
            text: `Automatic layout failed: ${error instanceof Error ? error.message : String(error)}`,
          });
      },
    );
    return () => {
      current = false;
    };
  }, [key, layout?.key, notify]);
  return layout?.positions ?? null;
}
