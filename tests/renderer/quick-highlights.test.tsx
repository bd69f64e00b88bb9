// @vitest-environment jsdom
/**
 * Highlighting quickly: a passage selected while the previous highlight is still being saved stays
 * selected when that save comes back, so its `h` highlights it.
 */
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../src/core/api/types';
import { archiveDocument, ReaderWithDefaults, selectInReader, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const TEXT = 'Tokayev ordered security forces to fire without warning. According to official data, 8,000 people were arrested.';
const OPENED: OpenedDocument = { document: archiveDocument('003.txt', 'Kazakhstan unrest', TEXT), matches: [], matchKinds: [], terms: [] };

describe('quick highlighting', () => {
  it('keeps the passage selected while the one before was being saved, and highlights it on h', async () => {
    const made: Array<{ start: number; end: number }> = [];
    const saves: Array<() => void> = [];
    const onCreate = (draft: { start: number; end: number }) => {
      made.push({ start: draft.start, end: draft.end });
      return new Promise<void>((resolve) => saves.push(resolve));
    };
    const { container } = render(<ReaderWithDefaults opened={OPENED} onCreate={onCreate} />);

    selectInReader(container, 0, 7);
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    await waitFor(() => expect(made).toEqual([{ start: 0, end: 7 }]));
    // The next passage is selected before the first save comes back.
    selectInReader(container, 85, 90);
    await act(async () => saves[0]());
    expect(window.getSelection()?.toString()).toBe('8,000');

    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    await waitFor(() => expect(made).toEqual([{ start: 0, end: 7 }, { start: 85, end: 90 }]));
    // Its own save lets it go.
    await act(async () => saves[1]());
    expect(window.getSelection()?.isCollapsed ?? true).toBe(true);
  });

  it('h highlights the passage selected now, even before the reader has taken in the mouse-up of it', async () => {
    const made: Array<{ start: number; end: number }> = [];
    const onCreate = (draft: { start: number; end: number }) => {
      made.push({ start: draft.start, end: draft.end });
      return new Promise<void>(() => undefined); // the saves answer late: none has come back yet
    };
    const { container } = render(<ReaderWithDefaults opened={OPENED} onCreate={onCreate} />);
    const article = container.querySelector('.doc-text')!;
    selectInReader(container, 0, 7);
    fireEvent.mouseUp(article);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0))); // the reader takes in the first selection
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    // On a busy machine the next key comes before the reader has read the new selection's mouse-up.
    selectInReader(container, 85, 90);
    fireEvent.mouseUp(article);
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    await waitFor(() => expect(made).toEqual([{ start: 0, end: 7 }, { start: 85, end: 90 }]));
  });
});
