import type { batch as english } from '../en/batch';
import { counted } from '../language';

const queries = (n: number) => counted('ru', n, { one: 'запрос', few: 'запроса', many: 'запросов', other: 'запроса' });
const ofQueries = (n: number) => counted('ru', n, { one: 'запроса', few: 'запросов', many: 'запросов', other: 'запроса' });

/** Русские строки пакетного поиска; ключи и формы те же, что в английском каталоге. */
export const batch: typeof english = {
  title: 'Пакетный поиск',
  open: 'Искать по списку…',
  intro: 'Поиск сразу по списку имён или запросов: санкционному списку, людям из утечки. Один запрос в строке или столбец CSV-файла.',
  listLabel: 'Имена или запросы, по одному в строке (или CSV-файл)',
  openFile: 'Открыть файл…',
  fileRead: (file) => `Прочитан файл ${file}.`,
  fileFailed: (file) => `Не удалось прочитать ${file}.`,
  columnLabel: 'Столбец CSV',
  columnHint: 'Его заголовок или номер (1 — первый); пусто — один запрос в строке.',
  phrases: 'Искать строку из нескольких слов как фразу',
  optionsApply: 'Параметры поиска (близкие написания, источник, даты, порядок) действуют для каждого запроса.',
  run: 'Искать все',
  stop: 'Остановить',
  close: 'Закрыть',
  exportCsv: 'Экспорт CSV…',
  empty: 'Список пуст: вставьте имена, по одному в строке, или откройте файл.',
  progressLabel: 'Выполнено запросов',
  progress: (done, total) => `Выполнено ${done.toLocaleString('ru')} из ${ofQueries(total)}`,
  finished: (total, failed) => `Выполнено: ${queries(total)}${failed > 0 ? `; не удалось выполнить: ${failed.toLocaleString('ru')}` : ''}.`,
  stopped: (done, total) => `Остановлено после ${done.toLocaleString('ru')} из ${ofQueries(total)}.`,
  caption: (n) => `Результаты пакетного поиска: ${queries(n)}`,
  columns: { lines: 'Строка', query: 'Запрос', documents: 'Документы', matches: 'Совпадения', matchedAs: 'Также найдено', first: 'Первый фрагмент' },
  openInSearch: 'Показать',
  openInSearchLabel: (query) => `Показать результаты «${query}» в панели поиска`,
  couldNotSearch: 'Не удалось выполнить:',
  noPassage: 'Нет фрагмента',
  showAll: (rows, more) => `Показать все строки: ${rows.toLocaleString('ru')} (ещё ${more.toLocaleString('ru')})`,
  firstIn: (title) => `В «${title}»:`,
};
