// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/core/api/types';
import { DossierOutline } from '../../src/renderer/src/components/DossierOutline';
import { DossierSections } from '../../src/renderer/src/components/DossierSections';
import { InLanguage } from '../../src/renderer/src/i18n';
import { dossier, uuid } from './dossier-fixtures';
import { annotation } from './fake-client';

afterEach(cleanup);

const A = annotation({ id: uuid(0, 1), docId: '003.txt', quote: 'Tokayev ordered security forces', start: 0 });
const B = annotation({ id: uuid(0, 2), docId: '003.txt', quote: '8,000 people were arrested', start: 86 });
const TABLE = uuid(9, 1);

function row(n: number, fields: { value: number; qualifier?: 'about' | null; high?: number | null; title: string; docId: string; date: string | null; sentence: string }) {
  return {
    id: uuid(10, n),
    value: fields.value,
    high: fields.high ?? null,
    qualifier: fields.qualifier ?? null,
    title: fields.title,
    date: fields.date,
    target: { docId: fields.docId, docSha256: 'b'.repeat(64), quote: { exact: fields.sentence, prefix: '', suffix: '' }, position: { start: 10, end: 10 + fields.sentence.length } },
  };
}

const WITH_TABLE: Dossier = dossier({
  sections: [
    {
      id: uuid(8, 1),
      heading: 'Figures',
      items: [
        { annotationId: A.id, commentary: '' },
        {
          annotationId: TABLE,
          commentary: '',
          claims: {
            measure: 'detentions',
            rows: [
              row(1, { value: 16000, qualifier: 'about', title: 'Reuters: the arrests', docId: '003.txt', date: '2022-01-12', sentence: 'About 16,000 people were arrested.' }),
              row(2, { value: 9900, title: 'Итоги января', docId: 'ru.txt', date: null, sentence: 'По данным МВД, задержаны 9900 человек.' }),
            ],
          },
        },
        { annotationId: B.id, commentary: '' },
      ],
    },
    { id: uuid(8, 2), heading: 'Later', items: [] },
  ],
});

function setup(language: 'en' | 'ru' = 'en') {
  const edits: Dossier['sections'][] = [];
  const editor = {
    edit: (changes: { sections?: Dossier['sections'] }) => {
      if (changes.sections) edits.push(changes.sections);
    },
    flush: async () => null,
    target: null,
    setTarget: () => undefined,
  };
  render(
    <InLanguage language={language}>
      <DossierOutline dossier={WITH_TABLE} annotations={new Map([A, B].map((a) => [a.id, a]))} onJump={() => undefined} />
      <DossierSections dossier={WITH_TABLE} editor={editor} annotations={new Map([A, B].map((a) => [a.id, a]))} titles={new Map()} onShow={() => undefined} />
    </InLanguage>,
  );
  return { edits };
}

const order = (sections: Dossier['sections']) => sections.map((s) => s.items.map((i) => i.annotationId));

describe('a claims table in the dossier editor', () => {
  it('shows its rows read-only, numbered as the export numbers them, between the quotes around it', () => {
    setup();
    const item = screen.getByRole('listitem', { name: 'Claims table, quotes 2–3: Detentions' });
    const table = within(item).getByRole('table', { name: 'Claims table: Detentions' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['No.', 'Value', 'Source and date', 'Claim (quoted)']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['2', 'Reuters: the arrests2022-01-12', '“About 16,000 people were arrested.”'],
      ['3', 'Итоги январяundated', '“По данным МВД, задержаны 9900 человек.”'],
    ]);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['about 16,000', '9,900']);
    expect(within(item).getByText('2 claims from 2 sources')).toBeTruthy();
    expect(within(item).queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('listitem', { name: /^Quote 4: 8,000 people were arrested/ })).toBeTruthy();
    // The outline counts the table's quotes and names it.
    const outline = screen.getByRole('navigation', { name: 'Dossier outline' });
    expect(within(outline).getByText(/4 quotes/)).toBeTruthy();
    expect(within(outline).getByRole('button', { name: '2–3. Claims table: Detentions (2 claims)' })).toBeTruthy();
  });

  it('moves like any item, by keyboard and with Move to, and is removed with an announcement', () => {
    const { edits } = setup();
    const item = screen.getByRole('listitem', { name: /^Claims table/ });
    fireEvent.keyDown(item, { key: 'ArrowUp', altKey: true });
    expect(order(edits.at(-1) ?? [])).toEqual([[TABLE, A.id, B.id], []]);
    fireEvent.change(within(item).getByRole('combobox', { name: 'Move to' }), { target: { value: uuid(8, 2) } });
    expect(order(edits.at(-1) ?? [])).toEqual([[A.id, B.id], [TABLE]]);
    fireEvent.click(within(item).getByRole('button', { name: 'Remove from dossier' }));
    expect(order(edits.at(-1) ?? [])).toEqual([[A.id, B.id], []]);
    expect(screen.getByRole('status').textContent).toBe('Claims table (quotes 2–3) removed from the dossier.');
  });

  it('speaks Russian', () => {
    setup('ru');
    const item = screen.getByRole('listitem', { name: 'Таблица данных, цитаты 2–3: Задержанные' });
    expect(within(item).getByRole('table', { name: 'Таблица данных: Задержанные' })).toBeTruthy();
    expect(within(item).getByText('2 утверждения из 2 источников')).toBeTruthy();
    expect(within(item).getByRole('columnheader', { name: 'Утверждение (цитата)' })).toBeTruthy();
    expect(within(item).getByText('около 16 000')).toBeTruthy();
    expect(item.textContent).not.toMatch(/Claims|Value|Source|claim/);
  });
});
