import { useId, type ReactNode } from 'react';

/** A dialog over the app: titled, closed with Escape, its own actions at the bottom. */
export function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const titleId = useId();
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
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
