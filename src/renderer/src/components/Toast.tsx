import { useEffect } from 'react';
import { useT } from '../i18n';

export interface ToastMessage {
  text: string;
  /** One follow-up, such as Undo after a deletion. */
  action?: { label: string; run(): void };
  /** Distinguishes two toasts with the same text, so the second restarts the timer. */
  serial: number;
}

/** How long a toast stays: long enough to reach its Undo button. */
const SHOWN_MS = 8_000;

/** A short message in the line at the foot of the window, where it covers nothing; it goes away by itself. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss(): void }) {
  const dismiss = useT().app.toast.dismiss;
  const serial = toast?.serial;
  useEffect(() => {
    if (serial === undefined) return;
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [serial, onDismiss]);

  // The live region stays mounted, so screen readers announce each new text.
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.serial}>
          <span className="toast-text">{toast.text}</span>
          {toast.action && (
            <>
              {' — '}
              <button type="button" className="link toast-action" onClick={toast.action.run}>
                {toast.action.label}
              </button>
            </>
          )}
          <button type="button" className="link toast-close" aria-label={dismiss} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
