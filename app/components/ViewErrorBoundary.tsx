// Keeps a failing view from blanking the window: the toolbar (and so Save) stays usable, the
// error is shown, and switching views or editing tries again.
import { Component, type ReactNode } from 'react';
import { usePlacewise } from '../context';

interface Props {
  /** A change in any of them (another view, an edit, new results) clears the error. */
  resetKeys: readonly unknown[];
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKeys: readonly unknown[];
}

function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

class ResettingErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKeys: this.props.resetKeys };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return sameKeys(props.resetKeys, state.resetKeys) ? null : { error: null, resetKeys: props.resetKeys };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner banner-error" role="alert" data-testid="view-error">
        This view failed: {this.state.error.message}. Your work is safe; you can still save it, undo, or switch views.
      </div>
    );
  }
}

/** The boundary around the views: another view, an edit or new results may fix what failed. */
export function ViewErrorBoundary({ children }: { children: ReactNode }) {
  const view = usePlacewise((state) => state.view);
  const draft = usePlacewise((state) => state.draft);
  const results = usePlacewise((state) => state.results);
  return <ResettingErrorBoundary resetKeys={[view, draft, results]}>{children}</ResettingErrorBoundary>;
}
