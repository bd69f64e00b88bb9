import { useCallback, useState } from 'react';
import type { ToastMessage } from '../components/Toast';

/**
 * What the app tells the user: a notice (a banner that stays until dismissed, for what failed) and a
 * toast (a passing message, with an action such as Undo).
 */
export function useNotices() {
  const [notice, setNotice] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const notify = useCallback((text: string, action?: ToastMessage['action']) => {
    setToast((previous) => ({ text, action, serial: (previous?.serial ?? 0) + 1 }));
  }, []);
  const dismissToast = useCallback(() => setToast(null), []);
  /** Something the user asked for failed: the banner says why. */
  const fail = useCallback((error: unknown) => setNotice((error as Error).message), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  return { notice, dismissNotice, fail, toast, notify, dismissToast };
}

export type Notify = ReturnType<typeof useNotices>['notify'];
