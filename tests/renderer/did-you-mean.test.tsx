// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../src/core/api/types';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { suggestions as english } from '../../src/shared/i18n/en/suggestions';
import { fakeClient, hit, READY, searchResult } from './fake-client';

afterEach(cleanup);

/**
 * A shell that answers as the core does (tests/core/search/suggestions.test.ts holds the core to it):
 * "Tokayv" matches nothing and is suggested "Tokayev", with the whole query corrected.
 */
function seedClient() {
  return fakeClient({
    indexStatus: () => READY,
    search: ({ query }: ArgsOf<'search'>) =>
      query.includes('Tokayv')
        ? searchResult(query, [], { suggestions: [{ word: 'Tokayv', suggestion: 'Tokayev', query: query.replaceAll('Tokayv', 'Tokayev') }] })
        : searchResult(query, [hit({ title: `Kazakhstan: ${query}` })]),
  });
}

function Harness({ children }: { children?: (panel: ReactNode) => ReactNode }) {
  const [settings, setSettings] = useState<SearchSettings>(INITIAL_SEARCH);
  const panel = <SearchPanel client={seedClient()} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={() => undefined} archiveRevision={0} />;
  return <>{children ? children(panel) : panel}</>;
}

describe('Did you mean …?', () => {
  it('offers the archive’s spelling of a word that matches nothing, and runs it from the keyboard', async () => {
    render(<Harness />);
    const box = screen.getByLabelText<HTMLInputElement>('Search the archive');
    fireEvent.change(box, { target: { value: 'Tokayv AND Almaty' } });
    const button = await screen.findByRole('button', { name: 'Search for Tokayev AND Almaty instead' });
    expect(button.closest('p')?.textContent).toBe('Did you mean Tokayev AND Almaty?');
    expect(button.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByText('No documents match.')).toBeTruthy();
    button.focus();
    fireEvent.click(button);
    expect(box.value).toBe('Tokayev AND Almaty');
    expect(document.activeElement).toBe(box);
    await waitFor(() => expect(screen.queryByText(/Did you mean/)).toBeNull());
    expect(await screen.findAllByRole('button', { name: /Kazakhstan/ })).not.toHaveLength(0);
  });

  it('says nothing of the kind for a word the archive holds', async () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev' } });
    await screen.findAllByRole('button', { name: /Kazakhstan/ });
    expect(screen.queryByText(/Did you mean/)).toBeNull();
  });

  it('asks in Russian in the Russian interface', async () => {
    render(<Harness>{(panel) => <InLanguage language="ru">{panel}</InLanguage>}</Harness>);
    fireEvent.change(document.getElementById('search-input') as HTMLInputElement, { target: { value: 'Tokayv' } });
    const button = await screen.findByRole('button', { name: 'Искать Tokayev' });
    expect(button.closest('p')?.textContent).toBe('Возможно, вы имели в виду Tokayev?');
    expect(document.body.textContent).not.toContain(english.didYouMean('').join(''));
  });
});
