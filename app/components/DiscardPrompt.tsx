// Asks before a file replaces unsaved work: save it first, drop it, or keep it open.
import { usePlacewise, useSession } from '../context';
import { Dialog } from './Dialog';

export function DiscardPrompt() {
  const pending = usePlacewise((state) => state.discardPrompt);
  const current = usePlacewise(
    (state) => (typeof state.draft?.name === 'string' ? state.draft.name : state.path) ?? 'the open scenario',
  );
  const setDiscardPrompt = usePlacewise((state) => state.setDiscardPrompt);
  const session = useSession();
  if (!pending) return null;
  return (
    <Dialog
      role="alertdialog"
      labelledBy="discard-title"
      testId="discard-prompt"
      onClose={() => setDiscardPrompt(null)}
    >
      <h2 id="discard-title">Unsaved changes</h2>
      <p>
        {current} has changes that are not saved.{' '}
        {pending.path === null ? 'A new scenario replaces them.' : `Opening ${pending.path} replaces them.`}
      </p>
      <div className="dialog-buttons">
        <button data-testid="discard-cancel" data-autofocus onClick={() => setDiscardPrompt(null)}>
          Keep editing
        </button>
        <button
          data-testid="discard-save-first"
          onClick={() => {
            setDiscardPrompt(null);
            void session.save().then((saved) => saved && session.load(pending));
          }}
        >
          Save, then open
        </button>
        <button data-testid="discard-confirm" onClick={() => session.load(pending)}>
          Discard changes and open
        </button>
      </div>
    </Dialog>
  );
}
