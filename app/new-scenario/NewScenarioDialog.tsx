// File › New: pick a blank scenario or a placement pattern, with a wearable or a camera as the
// device; the scenario opens unsaved (Save asks where to put it).
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { usePlacewise, useSession } from '../context';
import { KindIcon } from '../canvas/nodes/KindIcon';
import { STARTER_DEVICES, STARTER_PATTERNS, STARTER_SUMMARIES, type StarterDevice, starterScenario } from './starters';

export function NewScenarioDialog() {
  const open = usePlacewise((state) => state.newScenarioPrompt);
  const setOpen = usePlacewise((state) => state.setNewScenarioPrompt);
  const session = useSession();
  const [device, setDevice] = useState<StarterDevice>('wearable');
  if (!open) return null;
  return (
    <Dialog labelledBy="new-title" onClose={() => setOpen(false)} testId="new-scenario" className="new-scenario">
      <h2 id="new-title">New scenario</h2>
      <div className="new-devices" role="radiogroup" aria-label="The user's device">
        <span>The user's device</span>
        {STARTER_DEVICES.map((kind) => (
          <label key={kind} className={device === kind ? 'chosen' : undefined}>
            <input
              type="radio"
              name="new-device"
              data-testid={`new-device-${kind}`}
              checked={device === kind}
              onChange={() => setDevice(kind)}
            />
            <KindIcon kind={kind} /> {kind}
          </label>
        ))}
      </div>
      <div className="new-patterns">
        {STARTER_PATTERNS.map((pattern, index) => (
          <button
            key={pattern}
            data-autofocus={index === 0 ? true : undefined}
            className="new-pattern"
            data-testid={`new-pattern-${pattern}`}
            onClick={() => {
              setOpen(false);
              session.startNew(starterScenario(pattern, device));
            }}
          >
            <strong>{STARTER_SUMMARIES[pattern].title}</strong>
            <span>{STARTER_SUMMARIES[pattern].summary}</span>
            <span className="new-parts">
              {pattern === 'blank' ? `a ${device}` : `a ${device}, a phone and a cloud, linked`}
            </span>
          </button>
        ))}
      </div>
      <div className="dialog-buttons">
        <button data-testid="new-cancel" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
