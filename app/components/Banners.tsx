// Messages above the views: recovered work, the result of the last action, a file that would
// not open, and the open scenario's own errors.
import { usePlacewise, useSession } from '../context';

export function RecoveryBanner() {
  const offer = usePlacewise((state) => state.recoveryOffer);
  const session = useSession();
  if (!offer) return null;
  return (
    <div className="banner banner-warning" data-testid="recovery-banner">
      Unsaved work from {new Date(offer.saved_at).toLocaleString()}
      {offer.path ? ` (${offer.path})` : ''} was recovered.
      <button data-testid="recovery-restore" onClick={() => session.restoreRecovery()}>
        Restore
      </button>
      <button data-testid="recovery-discard" onClick={() => void session.discardRecovery()}>
        Discard
      </button>
    </div>
  );
}

export function NoticeBar() {
  const notice = usePlacewise((state) => state.notice);
  const notify = usePlacewise((state) => state.notify);
  if (!notice) return null;
  return (
    <div
      className={`banner ${notice.kind === 'error' ? 'banner-error' : 'banner-info'}`}
      data-testid="notice"
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      {notice.text}
      <button className="small" onClick={() => notify(null)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

export function OpenProblemPanel() {
  const problem = usePlacewise((state) => state.openProblem);
  const report = usePlacewise((state) => state.reportOpenProblem);
  if (!problem) return null;
  return (
    <div className="banner banner-error" data-testid="open-errors" role="alert">
      <strong>Could not open {problem.path}</strong> — the open scenario is unchanged.
      <ul>
        {problem.messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <button className="small" onClick={() => report(null)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

export function ScenarioErrors() {
  const errors = usePlacewise((state) => state.errors);
  const select = usePlacewise((state) => state.select);
  const everValid = usePlacewise((state) => state.lastValidScenario !== null);
  if (errors.length === 0) return null;
  return (
    <div className="banner banner-error" data-testid="scenario-errors">
      <strong>The scenario has {errors.length === 1 ? 'an error' : `${errors.length} errors`}</strong> —{' '}
      {everValid ? 'results show the last valid version.' : 'fix them to see its results.'}
      <ul>
        {errors.map((error) => {
          const match = /^(components|links|models|pipeline|options)\[(\d+)\]/.exec(error.path);
          return (
            <li key={`${error.path}:${error.message}`}>
              {match ? (
                <button
                  className="link"
                  onClick={() => select({ section: match[1] as 'components', index: Number(match[2]) })}
                >
                  {error.path}
                </button>
              ) : (
                error.path || '(file)'
              )}
              : {error.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
