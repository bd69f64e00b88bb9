import type { timeline as english } from '../en/timeline';
import { counted } from '../language';

const dates = (n: number) => counted('ru', n, { one: 'дата', few: 'даты', many: 'дат', other: 'даты' });
const documentsIn = (n: number) => counted('ru', n, { one: 'документе', few: 'документах', many: 'документах', other: 'документах' });
const documents = (n: number) => counted('ru', n, { one: 'документ', few: 'документа', many: 'документов', other: 'документа' });
const undated = (n: number) => counted('ru', n, { one: 'документ без даты', few: 'документа без даты', many: 'документов без даты', other: 'документа без даты' });

/** Русские строки хронологии и гистограммы дат в поиске (см. ../catalogue.ts). */
export const timeline: typeof english = {
  tab: 'Хронология',
  resize: 'Изменить ширину хронологии',
  title: 'Даты в документах',
  loading: 'Чтение дат…',
  unreadable: (problem) => `Не удалось прочитать хронологию: ${problem}`,
  none: 'В документах не найдено дат.',
  summary: (n, docs) => `${dates(n)} в ${documentsIn(docs)}`,
  groupBy: 'Группировать',
  groupings: { day: 'По дням', month: 'По месяцам' },
  precisions: { day: 'день', week: 'неделя', month: 'месяц', year: 'год' },
  kinds: { publication: 'публикация', absolute: 'в тексте', relative: 'относительная' },
  weekOf: (monday) => `Неделя с ${monday}`,
  assumed: 'год предположен',
  assumedTitle: 'У документа нет даты: взят год большинства документов архива',
  entryCount: dates,
  open: (title, written) => `Открыть «${title}» на «${written}»`,
  showAll: (n) => `Показать все: ${dates(n)}`,
  undatedTitle: undated,
  undatedHelp: 'Нет даты публикации: их даты из текста есть выше, только если в них назван год или он предположен; фильтр по дате в поиске их не показывает, пока их не включить.',
  allDated: 'У каждого документа есть дата публикации.',
  histogram: {
    label: 'Найденные документы по месяцам',
    bar: (month, n) => `${month}: ${documents(n)}`,
    help: 'Выберите месяц, чтобы искать только в нём; выберите снова, чтобы сбросить.',
    undatedInResults: (n) => `Без даты: ${documents(n)}`,
    excluded: (n) => `Не показано: ${undated(n)}`,
    include: 'включить',
    included: (n) => `Включено: ${undated(n)}`,
    exclude: 'исключить',
  },
};
