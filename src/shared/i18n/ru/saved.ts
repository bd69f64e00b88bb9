import type { saved as english } from '../en/saved';
import { counted } from '../language';

/** «3 новых, 1 изменённый»: что нашёл сохранённый поиск с прошлого просмотра. */
function fresh(added: number, changed: number): string {
  const parts = [
    added > 0 ? counted('ru', added, { one: 'новый', few: 'новых', many: 'новых', other: 'новых' }) : '',
    changed > 0 ? counted('ru', changed, { one: 'изменённый', few: 'изменённых', many: 'изменённых', other: 'изменённых' }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'ничего нового';
}

/** Русские строки сохранённых поисков; ключи и формы те же, что в английском каталоге. */
export const saved: typeof english = {
  title: 'Сохранённые поиски',
  fresh,
  save: 'Сохранить этот поиск…',
  saveHint: 'Сначала введите запрос, затем сохраните его с параметрами, чтобы потом видеть, что в нём нового.',
  empty: 'Сохранённых поисков пока нет. Сохраните текущий поиск, и Casefile подскажет, какие документы в нём появились или изменились.',
  listLabel: 'Сохранённые поиски',
  rename: 'Переименовать',
  renameLabel: (name) => `Переименовать «${name}»`,
  delete: 'Удалить',
  deleteLabel: (name) => `Удалить «${name}»`,
  saveDialog: {
    title: 'Сохранить поиск',
    name: 'Название',
    what: 'Сохраняется с параметрами:',
    replaces: (name) => `Поиск «${name}» уже сохранён: он будет заменён.`,
    submit: 'Сохранить',
    saved: (name) => `Поиск «${name}» сохранён.`,
  },
  renameDialog: {
    title: 'Переименовать сохранённый поиск',
    name: 'Новое название',
    submit: 'Переименовать',
    taken: (name) => `Другой сохранённый поиск уже называется «${name}».`,
  },
  deleteDialog: {
    title: 'Удалить сохранённый поиск?',
    body: (name) => `«${name}» исчезнет из списка. Документы и их заметки останутся как есть.`,
    confirm: 'Удалить',
  },
  options: {
    query: (query) => `«${query}»`,
    newest: 'сначала новые',
    oldest: 'сначала старые',
    exact: 'точные слова',
    from: (day) => `с ${day}`,
    to: (day) => `по ${day}`,
    source: (source) => `источник «${source}»`,
    entity: (name) => `упоминает ${name}`,
    starred: 'отмеченные',
    tags: (tags) => `с метками ${tags}`,
  },
  opened: (name, added, changed) =>
    added + changed > 0
      ? `Сохранённый поиск «${name}»: ${fresh(added, changed)} с прошлого просмотра, они показаны первыми.`
      : `Сохранённый поиск «${name}»: с прошлого просмотра ничего нового.`,
  badgeNew: 'Новый',
  badgeChanged: 'Изменён',
  failed: (problem) => `Сохранённые поиски: ${problem}`,
};
