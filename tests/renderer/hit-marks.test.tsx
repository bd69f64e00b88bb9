// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../src/core/api/types';
import { annotation } from './fake-client';
import { archiveDocument, ReaderWithDefaults, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const TEXT = 'According to official data, 8,000 people were arrested.\nPeople are slowly starting to leave their homes.';
const at = (word: string, from = 0): [number, number] => [TEXT.indexOf(word, from), TEXT.indexOf(word, from) + word.length];
const OPENED: OpenedDocument = {
  document: archiveDocument('003.txt', 'Arrests', TEXT),
  matches: [at('people'), at('People')],
  matchKinds: ['exact', 'exact'],
  terms: [],
};
const PINK = annotation({ id: '00000000-0000-4000-8000-00000000000a', docId: '003.txt', quote: 'According to official data, 8,000 people were arrested.', color: 'pink' });

/** (The colours themselves are the stylesheet's, checked in a browser by tests/e2e/hits-and-pages.spec.ts.) */
describe('a search hit inside a highlight', () => {
  it('is drawn inside the highlight, which keeps its colour, its name and its annotation, hit or not', () => {
    const { container } = render(<ReaderWithDefaults opened={OPENED} annotations={[PINK]} />);
    const [inside, outside] = [...container.querySelectorAll<HTMLElement>('.doc-text mark.hit')];
    expect(inside.textContent).toBe('people');
    const highlight = inside.closest<HTMLElement>('.hl');
    expect(highlight?.classList.contains('hl-pink')).toBe(true);
    expect(highlight?.title).toBe('pink highlight');
    expect(highlight?.dataset.annotation).toBe(PINK.id);
    // The hit is a mark of its own: no highlight colour is put on it, and the highlight is not cut into another colour.
    expect([...inside.classList].filter((c) => c.startsWith('hl'))).toEqual([]);
    const runs = [...container.querySelectorAll<HTMLElement>(`[data-annotation~="${PINK.id}"]`)];
    expect(runs.map((run) => run.textContent).join('')).toBe(PINK.target.quote.exact);
    expect(runs.every((run) => run.classList.contains('hl-pink'))).toBe(true);
    // A hit in plain text has no highlight around it.
    expect(outside.textContent).toBe('People');
    expect(outside.closest('.hl')).toBeNull();
  });

  it('stays inside the highlight as the current hit', () => {
    const { container } = render(<ReaderWithDefaults opened={OPENED} annotations={[PINK]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Next hit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next hit' }));
    const current = container.querySelector<HTMLElement>('.doc-text mark.hit.current');
    expect(current?.textContent).toBe('people');
    expect(current?.closest('.hl')?.classList.contains('hl-pink')).toBe(true);
  });
});
