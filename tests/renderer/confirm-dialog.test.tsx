// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../src/renderer/src/components/ConfirmDialog';
import { InLanguage } from '../../src/renderer/src/i18n';

afterEach(cleanup);

describe('a confirmation', () => {
  it('offers Cancel in the interface’s language, with the focus on it', () => {
    render(
      <InLanguage language="ru">
        <ConfirmDialog title="Объединение сущностей" confirmLabel="Объединить" onConfirm={() => undefined} onClose={() => undefined}>
          <p>Объединить?</p>
        </ConfirmDialog>
      </InLanguage>,
    );
    const cancel = screen.getByRole('button', { name: 'Отмена' });
    expect(document.activeElement).toBe(cancel);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});
