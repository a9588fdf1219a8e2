// Offers the new kind's default hardware after an edit changed a component's kind (not after
// undo or redo, which put back what the user had).
import { useEffect, useRef, useState } from 'react';
import { usePlacewise } from '../../context';
import type { ScenarioDraft } from '../../editing/draft';
import { setField } from '../../editing/edits';
import { type HardwareProposal, proposeHardware } from '../../editing/hardware-proposal';

export function HardwareProposalBar() {
  const draft = usePlacewise((state) => state.draft);
  const lastUndoStep = usePlacewise((state) => state.past[state.past.length - 1]);
  const edit = usePlacewise((state) => state.edit);
  const previous = useRef<ScenarioDraft | null>(draft);
  const [proposal, setProposal] = useState<HardwareProposal | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = draft;
    // An edit pushes the draft it replaced onto the undo list; undo and redo move other drafts.
    if (!before || !draft || before === draft || lastUndoStep !== before) return;
    setProposal(proposeHardware(before, draft));
  }, [draft, lastUndoStep]);
  if (!proposal) return null;
  return (
    <div className="banner banner-info hardware-proposal" data-testid="hardware-proposal" role="status">
      {proposal.componentId} is now a {proposal.kind}: use {proposal.proposedLabel} ({proposal.proposed}) instead of{' '}
      {proposal.current}?
      <button
        data-testid="hardware-proposal-accept"
        onClick={() => {
          edit((current) => setField(current, ['components', proposal.index, 'hardware'], proposal.proposed));
          setProposal(null);
        }}
      >
        Use {proposal.proposed}
      </button>
      <button data-testid="hardware-proposal-dismiss" onClick={() => setProposal(null)}>
        Keep {proposal.current}
      </button>
    </div>
  );
}
