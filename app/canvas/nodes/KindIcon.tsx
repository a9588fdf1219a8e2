// A small line icon per component kind, drawn inline (no icon font, nothing from the network).
import { memo } from 'react';

const PATHS: Record<string, string[]> = {
  camera: ['M4 8h3l2-3h6l2 3h3v11H4z', 'M12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z'],
  wearable: ['M8 6h8v12H8z', 'M9 6l1-3h4l1 3', 'M9 18l1 3h4l1-3', 'M12 10v2.5l1.5 1'],
  phone: ['M7 3h10v18H7z', 'M10.5 18h3'],
  edge: ['M3 9h18v7H3z', 'M6.5 12.5h.01', 'M9.5 12.5h.01', 'M7 9l-2-4', 'M17 9l2-4'],
  cloud: ['M7 18a4.5 4.5 0 0 1-.5-9 6 6 0 0 1 11.5 1.5A3.8 3.8 0 0 1 17.5 18z'],
  serverless: ['M6 4h3l7 16h3', 'M12 11l-6 9'],
};

export const KindIcon = memo(function KindIcon({ kind }: { kind: string }) {
  return (
    <svg className="kind-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      {(PATHS[kind] ?? ['M5 5h14v14H5z']).map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
});
