import { useId, type ReactNode } from 'react';

/** A dialog over the app: titled, closed with Escape, its own actions at the bottom; `wide` for tables. */
export function Modal({ title, onClose, children, wide = false }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const titleId = useId();
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className={wide ? 'modal modal-wide' : 'modal'} role="dialog" aria-modal="true" aria-labelledby={titleId}>
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
            Cancel
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
  if (!message) return null;
  return (
    <p className={error ? 'query-error' : 'muted'} role={error ? 'alert' : 'status'}>
      {message}
    </p>
  );
}
