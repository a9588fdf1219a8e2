// Asks for a file path where the host has no native dialogs (browser mode).
import { useEffect, useRef, useState } from 'react';
import { usePlacewise, useSession } from '../context';

export function PathPrompt() {
  const prompt = usePlacewise((state) => state.pathPrompt);
  const setPathPrompt = usePlacewise((state) => state.setPathPrompt);
  const session = useSession();
  const [path, setPath] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setPath(prompt?.initial ?? '');
    input.current?.focus();
  }, [prompt]);
  if (!prompt) return null;
  const confirm = () => {
    const chosen = path.trim();
    if (chosen === '') return;
    setPathPrompt(null);
    void (prompt.purpose === 'open' ? session.open(chosen) : session.saveAs(chosen));
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <h2>{prompt.purpose === 'open' ? 'Open scenario' : 'Save scenario as'}</h2>
        <label>
          File path on this machine
          <input data-testid="path-input" value={path} onChange={(event) => setPath(event.target.value)} ref={input} />
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
    </div>
  );
}
