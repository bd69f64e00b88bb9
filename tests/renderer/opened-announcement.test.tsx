// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../src/core/api/types';
import { OpenedAnnouncement } from '../../src/renderer/src/components/OpenedAnnouncement';
import { InLanguage } from '../../src/renderer/src/i18n';
import { archiveDocument } from './reader-fixtures';

afterEach(cleanup);

const opened = (hits: number): OpenedDocument => ({
  document: archiveDocument('003.txt', 'Kazakhstan unrest', 'Tokayev ordered security forces to fire.'),
  matches: Array.from({ length: hits }, (_, i): [number, number] => [i, i + 1]),
  matchKinds: [],
  terms: [],
});

describe('the announcement of an opened article', () => {
  it('says the title and the hits in English, as before', () => {
    const { container } = render(<OpenedAnnouncement opened={opened(3)} />);
    expect(container.textContent).toBe('Opened “Kazakhstan unrest”, 3 search hits.');
  });

  it('is said in Russian, with the plural form the count asks for', () => {
    const said = (hits: number) => render(<InLanguage language="ru"><OpenedAnnouncement opened={opened(hits)} /></InLanguage>).container.textContent;
    expect(said(0)).toBe('Открыта статья «Kazakhstan unrest».');
    expect(said(1)).toBe('Открыта статья «Kazakhstan unrest», 1 совпадение.');
    expect(said(3)).toBe('Открыта статья «Kazakhstan unrest», 3 совпадения.');
    expect(said(5)).toBe('Открыта статья «Kazakhstan unrest», 5 совпадений.');
  });
});
