// Asks for a file path where the host has no native dialogs (browser mode).
import { useEffect, useState } from 'react';
import { usePlacewise, useSession } from '../context';
import { Dialog } from './Dialog';

export function PathPrompt() {
  const prompt = usePlacewise((state) => state.pathPrompt);
  const setPathPrompt = usePlacewise((state) => state.setPathPrompt);
  const session = useSession();
  const [path, setPath] = useState('');
  useEffect(() => {
    setPath(prompt?.initial ?? '');
  }, [prompt]);
  if (!prompt) return null;
  const confirm = () => {
    const chosen = path.trim();
    if (chosen === '') return;
    setPathPrompt(null);
    void (prompt.purpose === 'open' ? session.open(chosen) : session.saveAs(chosen));
  };
  return (
    <Dialog labelledBy="path-prompt-title" testId="path-prompt" onClose={() => setPathPrompt(null)}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <h2 id="path-prompt-title">{prompt.purpose === 'open' ? 'Open scenario' : 'Save scenario as'}</h2>
        <label>
          File path on this machine
          <input
            data-testid="path-input"
            data-autofocus
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={() => setPathPrompt(null)}>
            Cancel
          </button>
          <button type="submit" data-testid="path-confirm">
            {prompt.purpose === 'open' ? 'Open' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
