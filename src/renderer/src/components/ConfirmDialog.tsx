import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Modal, ModalMessage } from './Modal';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** May fail: the dialog stays open and says why. */
  onConfirm(): void | Promise<void>;
  onClose(): void;
}

/** Asks before something that cannot be undone; Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: Props) {
  const cancel = useT().app.cancel;
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const confirm = async () => {
    setState({ busy: true, error: null });
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };
  return (
    <Modal title={title} onClose={onClose}>
      {children}
      <ModalMessage message={state.error} error />
      <div className="toolbar-actions">
        <button type="button" onClick={onClose} autoFocus>
          {cancel}
        </button>
        <button type="button" className="primary danger" disabled={state.busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
