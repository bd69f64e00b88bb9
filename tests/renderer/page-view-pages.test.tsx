// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../src/core/api/types';
import { SourcePrintView, type Highlighting } from '../../src/renderer/src/components/SourcePrintView';
import { InLanguage } from '../../src/renderer/src/i18n';
import { archiveDocument } from './reader-fixtures';

afterEach(cleanup);

const highlighting: Highlighting = { annotations: [], knownTags: [], onCreate: async () => undefined };

function pdf(): ArchiveDocument {
  const doc = archiveDocument('briefing.pdf', 'Briefing', 'Page one.\nPage two.');
  return { ...doc, format: 'pdf', pages: [{ start: 0, end: 9 }, { start: 10, end: 19 }] };
}

describe('the page view’s Text and Pages', () => {
  it('offers Pages for a PDF only, Text shown first', () => {
    render(<SourcePrintView document={archiveDocument('notes.txt', 'Notes', 'One line.')} reference={null} onClose={() => undefined} highlighting={highlighting} />);
    expect(screen.queryByRole('button', { name: 'Pages' })).toBeNull();
    cleanup();
    render(<SourcePrintView document={pdf()} reference={null} onClose={() => undefined} highlighting={highlighting} />);
    expect(screen.getByRole('button', { name: 'Text' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Pages' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Print…' })).toBeTruthy();
  });

  it('switched to Pages, says plainly why the pages cannot be shown when the file cannot be had (here: no access token)', async () => {
    render(<SourcePrintView document={pdf()} reference={null} onClose={() => undefined} highlighting={highlighting} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pages' }));
    expect(screen.getByRole('region', { name: 'Pages of the PDF' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Print…' })).toBeNull();
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The PDF’s pages cannot be shown: this tab has no access token/);
    // The dialog keeps its name (the title) in either view.
    expect(screen.getByRole('dialog', { name: 'Briefing' })).toBeTruthy();
  });

  it('speaks Russian', () => {
    render(
      <InLanguage language="ru">
        <SourcePrintView document={pdf()} reference={null} onClose={() => undefined} highlighting={highlighting} />
      </InLanguage>,
    );
    expect(screen.getByRole('group', { name: 'Показать источник как' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Страницы' }));
    expect(screen.getByRole('region', { name: 'Страницы PDF' })).toBeTruthy();
  });
});
