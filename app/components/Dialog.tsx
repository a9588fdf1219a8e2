// A modal dialog: Escape closes it, Tab and Shift+Tab stay among its controls (a focus trap),
// focus starts on its first control (or the one marked data-autofocus) and goes back where it
// was when the dialog closes. Every dialog and prompt of the app is one of these.
import { type ReactNode, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  /** The id of the element that names the dialog (its heading). */
  labelledBy: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  /** alertdialog for a question that interrupts (unsaved changes). */
  role?: 'dialog' | 'alertdialog';
  /** A class beside `dialog`, for a dialog laid out its own way. */
  className?: string;
}

export function Dialog({ labelledBy, onClose, children, testId, role = 'dialog', className }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  // The latest onClose, without re-running the effect (and refocusing) on every render.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const controls = () => [...element.querySelectorAll<HTMLElement>(FOCUSABLE)];
    (element.querySelector<HTMLElement>('[data-autofocus]') ?? controls()[0] ?? element).focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const all = controls();
      if (all.length === 0) {
        event.preventDefault();
        return;
      }
      const first = all[0];
      const last = all[all.length - 1];
      const inside = element.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that escapes (a click on the backdrop, a script) comes back into the dialog.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !element.contains(event.target)) (controls()[0] ?? element).focus();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      before?.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        data-testid={testId}
        ref={box}
        tabIndex={-1}
      >
        {children}
      </div>
    </div>
  );
}
