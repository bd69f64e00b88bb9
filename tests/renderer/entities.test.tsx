// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResultOf } from '../../src/core/api/types';
import { EntityFacets } from '../../src/renderer/src/entities/EntityFacets';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, searchArgs, type SearchSettings } from '../../src/renderer/src/search/settings';
import { fakeClient, hit, searchResult, type Handlers } from './fake-client';

afterEach(cleanup);

type Summary = ResultOf<'entities'>[number];
type Page = ResultOf<'entity'>;

const TOKAYEV: Summary = { id: 'person:tokayev', name: 'Kassym-Jomart Tokayev', type: 'person', variants: ['Kassym-Jomart Tokayev', 'Tokayev', 'Tokajev'], documents: 4, mentions: 9 };
const TOKAEV_RU: Summary = { id: 'person:tokaev', name: 'Токаев', type: 'person', variants: ['Токаев'], documents: 1, mentions: 2 };
const NAZARBAYEV: Summary = { id: 'person:nazarbayev', name: 'Nursultan Nazarbayev', type: 'person', variants: ['Nazarbayev'], documents: 2, mentions: 3 };
const ALMATY: Summary = { id: 'place:almaty', name: 'Almaty', type: 'place', variants: ['Almaty'], documents: 5, mentions: 12 };

function pageOf(summary: Summary, related: Summary[] = []): Page {
  return {
    ...summary,
    mentionList: [
      { doc: '000.txt', start: 120, end: 127, text: summary.variants[1] ?? summary.name, before: 'According to president of Kazakhstan ', after: ', 20 thousand bandits attacked Almaty' },
      { doc: '003.txt', start: 40, end: 47, text: summary.name, before: 'On January 5 ', after: ' declared a state of emergency' },
    ],
    documentList: [
      { id: '000.txt', title: 'Participants of peaceful protests fear prosecution', date: '2022-01-20', mentions: 1 },
      { id: '003.txt', title: 'Uprisings in Kazakhstan', mentions: 1 },
    ],
    related: related.map((r, i) => ({ ...r, together: 3 - i })),
  };
}

const RESULT = searchResult('protest', [hit()], {
  total: 5,
  entityFacets: {
    person: [
      { id: TOKAYEV.id, name: TOKAYEV.name, documents: 4 },
      { id: NAZARBAYEV.id, name: NAZARBAYEV.name, documents: 2 },
    ],
    organization: [],
    place: [{ id: ALMATY.id, name: ALMATY.name, documents: 5 }],
  },
});

function setup({ language = 'en', settings: initial = { ...INITIAL_SEARCH, query: 'protest' }, handlers = {} }: { language?: 'en' | 'ru'; settings?: SearchSettings; handlers?: Handlers } = {}) {
  const pages = new Map([TOKAYEV, TOKAEV_RU, NAZARBAYEV, ALMATY].map((s) => [s.id, pageOf(s, s.id === TOKAYEV.id ? [ALMATY, NAZARBAYEV] : [TOKAYEV])]));
  const client = fakeClient({
    entity: ({ id }) => {
      const page = pages.get(id);
      if (!page) throw new Error(`no entity ${id}`);
      return page;
    },
    entities: ({ type }) => [TOKAYEV, TOKAEV_RU, NAZARBAYEV, ALMATY].filter((e) => !type || e.type === type),
    ...handlers,
  });
  const changes: Array<Partial<SearchSettings>> = [];
  const openedAt = vi.fn();
  const openedDocument = vi.fn();
  function Harness() {
    const [settings, setSettings] = useState(initial);
    return (
      <EntityFacets
        client={client}
        result={RESULT}
        settings={settings}
        onChange={(change) => {
          changes.push(change);
          setSettings({ ...settings, ...change });
        }}
        onOpenAt={openedAt}
        onOpenDocument={openedDocument}
      />
    );
  }
  render(
    <InLanguage language={language}>
      <Harness />
    </InLanguage>,
  );
  return { client, changes, openedAt, openedDocument };
}

describe('the entity facets', () => {
  it('are asked for with every search, with the chosen entity as a filter', () => {
    expect(searchArgs({ ...INITIAL_SEARCH, query: 'x' })).toMatchObject({ entityFacets: true });
    expect(searchArgs({ ...INITIAL_SEARCH, query: 'x' }).entity).toBeUndefined();
    expect(searchArgs({ ...INITIAL_SEARCH, query: 'x', entity: { id: TOKAYEV.id, name: TOKAYEV.name } })).toMatchObject({ entity: TOKAYEV.id });
  });

  it('list people, organisations and places with the documents mentioning each; a click filters, the filter shows and can be removed', () => {
    const { changes } = setup();
    const facets = screen.getByRole('region', { name: 'People, organisations and places in the results' });
    const people = within(facets).getByRole('group', { name: 'People' });
    expect(within(people).getAllByRole('button').map((b) => b.textContent)).toEqual(['Kassym-Jomart Tokayev 4(4 documents)', 'Nursultan Nazarbayev 2(2 documents)']);
    expect(within(facets).getByRole('group', { name: 'Places' })).toBeTruthy();
    expect(within(facets).queryByRole('group', { name: 'Organisations' })).toBeNull();

    const tokayev = within(people).getByRole('button', { name: 'Kassym-Jomart Tokayev (4 documents)' });
    expect(tokayev.title).toBe('Show only results mentioning Kassym-Jomart Tokayev (4 documents)');
    expect(tokayev.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(tokayev);
    expect(changes.at(-1)).toEqual({ entity: { id: TOKAYEV.id, name: TOKAYEV.name } });
    expect(tokayev.getAttribute('aria-pressed')).toBe('true');
    expect(within(facets).getByText('Mentioning Kassym-Jomart Tokayev')).toBeTruthy();

    fireEvent.click(within(facets).getByRole('button', { name: 'Remove the filter “mentioning Kassym-Jomart Tokayev”' }));
    expect(changes.at(-1)).toEqual({ entity: undefined });
    expect(within(facets).queryByText('Mentioning Kassym-Jomart Tokayev')).toBeNull();
    expect(tokayev.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('many facets of a kind', () => {
  it('show the first five, and the rest on request', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `place:p${i}`, name: `Place ${i + 1}`, documents: 8 - i }));
    const client = fakeClient({});
    render(<EntityFacets client={client} result={{ ...RESULT, entityFacets: { person: [], organization: [], place: many } }} settings={INITIAL_SEARCH} onChange={() => undefined} onOpenDocument={() => undefined} />);
    const places = screen.getByRole('group', { name: 'Places' });
    expect(within(places).getAllByRole('button', { pressed: false })).toHaveLength(5);
    const more = within(places).getByRole('button', { name: '3 more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(within(places).getAllByRole('button', { pressed: false })).toHaveLength(8);
    expect(within(places).getByRole('button', { name: 'Fewer' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('an entity page', () => {
  const filtered = { ...INITIAL_SEARCH, query: 'protest', entity: { id: TOKAYEV.id, name: TOKAYEV.name } };

  it('shows the name, kind, spellings, every mention in context, the documents and the entities with it', async () => {
    const { openedAt, openedDocument, client } = setup({ settings: filtered });
    fireEvent.click(screen.getByRole('button', { name: 'Open the page of Kassym-Jomart Tokayev' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kassym-Jomart Tokayev' });
    expect(within(dialog).getByText('Person · 9 mentions in 4 documents')).toBeTruthy();
    expect(within(dialog).getAllByRole('checkbox', { name: /Tokayev|Tokajev/ }).map((c) => c.parentElement?.textContent?.trim())).toEqual(['Kassym-Jomart Tokayev', 'Tokayev', 'Tokajev']);
    const mention = within(dialog).getByTitle('Open Participants of peaceful protests fear prosecution at this mention');
    expect(mention.textContent).toContain('According to president of Kazakhstan Tokayev, 20 thousand bandits');
    expect(within(mention).getByText('Tokayev').tagName).toBe('MARK');
    within(dialog).getByRole('button', { name: 'Open Uprisings in Kazakhstan' });

    // A related entity opens its own page; Back returns.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the page of Almaty' }));
    const almaty = await screen.findByRole('dialog', { name: 'Almaty' });
    expect(within(almaty).getByText('Place · 12 mentions in 5 documents')).toBeTruthy();
    fireEvent.click(within(almaty).getByRole('button', { name: 'Back to Kassym-Jomart Tokayev' }));
    const back = await screen.findByRole('dialog', { name: 'Kassym-Jomart Tokayev' });
    expect(client.calls.filter((c) => c.method === 'entity').map((c) => (c.args as { id: string }).id)).toEqual([TOKAYEV.id, ALMATY.id, TOKAYEV.id]);

    fireEvent.click(within(back).getByTitle('Open Participants of peaceful protests fear prosecution at this mention'));
    expect(openedAt).toHaveBeenCalledWith({ doc: '000.txt', start: 120, end: 127 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(openedDocument).not.toHaveBeenCalled();
  });

  it('merges ticked entities into it after asking, and says so', async () => {
    const merged: Summary = { ...TOKAYEV, variants: [...TOKAYEV.variants, 'Токаев'], documents: 5, mentions: 11 };
    const { client, changes } = setup({ settings: filtered, handlers: { mergeEntities: () => merged } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the page of Kassym-Jomart Tokayev' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kassym-Jomart Tokayev' });
    const candidates = within(dialog).getByRole('list', { name: 'Entities to merge into Kassym-Jomart Tokayev' });
    await waitFor(() => expect(within(candidates).getAllByRole('checkbox')).toHaveLength(2));
    // Only people are offered, not the entity itself; the box narrows them.
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Find an entity' }), { target: { value: 'ток' } });
    expect(within(candidates).getAllByRole('checkbox')).toHaveLength(1);
    fireEvent.click(within(candidates).getByRole('checkbox', { name: /Токаев/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge…' }));

    const confirm = screen.getByRole('dialog', { name: 'Merge entities' });
    expect(confirm.textContent).toContain('Make “Токаев” one entity with Kassym-Jomart Tokayev?');
    expect(client.calls.some((c) => c.method === 'mergeEntities')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Merge' }));
    await screen.findByRole('dialog', { name: 'Kassym-Jomart Tokayev' });
    expect(client.calls.find((c) => c.method === 'mergeEntities')?.args).toEqual({ ids: [TOKAYEV.id, TOKAEV_RU.id] });
    expect(screen.getByRole('status').textContent).toBe('Merged: Kassym-Jomart Tokayev now takes in 1 other entity.');
    // The facets are asked for again, the filter kept.
    expect(changes.at(-1)).toEqual({ entity: { id: TOKAYEV.id, name: TOKAYEV.name } });
  });

  it('splits ticked spellings off after asking; asks for one to be ticked, and one left', async () => {
    const { client } = setup({ settings: filtered, handlers: { splitEntity: () => [TOKAYEV, { ...TOKAYEV, id: 'person:tokajev', name: 'Tokajev', variants: ['Tokajev'] }] } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the page of Kassym-Jomart Tokayev' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kassym-Jomart Tokayev' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Split off…' }));
    expect(within(dialog).getByText('Tick at least one spelling, and leave at least one.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Tokajev' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Split off…' }));
    const confirm = screen.getByRole('dialog', { name: 'Split off spellings' });
    expect(confirm.textContent).toContain('Take “Tokajev” out of Kassym-Jomart Tokayev');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Split off' }));
    await screen.findByRole('dialog', { name: 'Kassym-Jomart Tokayev' });
    expect(client.calls.find((c) => c.method === 'splitEntity')?.args).toEqual({ id: TOKAYEV.id, variants: ['Tokajev'] });
    expect(screen.getByRole('status').textContent).toBe('Split off: “Tokajev” now form an entity of their own.');
  });

  it('speaks Russian', async () => {
    setup({ language: 'ru', settings: filtered });
    const facets = screen.getByRole('region', { name: 'Люди, организации и места в результатах' });
    expect(within(facets).getByRole('group', { name: 'Люди' })).toBeTruthy();
    expect(within(facets).getByText('Упоминается Kassym-Jomart Tokayev')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Страница «Kassym-Jomart Tokayev»' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kassym-Jomart Tokayev' });
    expect(within(dialog).getByText('Человек · 9 упоминаний в 4 документах')).toBeTruthy();
    expect(within(dialog).getByRole('group', { name: 'Написания' })).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/Mentions|Documents|Spellings|Merge|Split|Close/);
  });
});
