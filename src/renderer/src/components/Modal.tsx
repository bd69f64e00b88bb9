import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** For tables. */
  wide?: boolean;
  className?: string;
}

/**
 * A dialog over the app: titled, closed with Escape, its own actions at the bottom. It takes the
 * focus when it opens (unless a field of its own already has it) and gives it back when it closes,
 * so a keyboard user carries on where they were.
 */
export function Modal({ title, onClose, children, wide = false, className }: ModalProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  // Read while rendering, before a field of the dialog takes the focus with autoFocus.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [before]);
  const classes = ['modal', wide && 'modal-wide', className].filter(Boolean).join(' ');
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div ref={dialog} className={classes} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** A dialog that is one form: its fields, then what went wrong (if anything), Cancel and the submit button. */
export function FormModal({
  title,
  onClose,
  onSubmit,
  submitLabel,
  error,
  busy = false,
  className,
  children,
}: {
  title: string;
  onClose(): void;
  onSubmit(): void;
  submitLabel: string;
  error: string | null;
  busy?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const cancel = useT().app.cancel;
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className={className ? `modal-form ${className}` : 'modal-form'}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <ModalMessage message={error} error />
        <div className="toolbar-actions">
          <button type="button" onClick={onClose}>
            {cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A line saying how the dialog's action went: a status, or an alert when it failed. */
export function ModalMessage({ message, error }: { message: string | null; error: boolean }) {
  // The polite region stays mounted, so a screen reader hears each status (one mounted with its text
  // is often not read); an alert is read as it appears.
  return (
    <>
      <div className="live-slot" aria-live="polite">
        {message && !error && (
          <p className="muted" role="status">
            {message}
          </p>
        )}
      </div>
      {message && error && (
        <p className="query-error" role="alert">
          {message}
        </p>
      )}
    </>
  );
}
