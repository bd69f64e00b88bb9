import type { entities as english } from '../en/entities';
import { counted } from '../language';

const documents = (n: number) => counted('ru', n, { one: 'документ', few: 'документа', many: 'документов', other: 'документа' });
/** The prepositional: «в 3 документах». */
const inDocuments = (n: number) => counted('ru', n, { one: 'документе', few: 'документах', many: 'документах', other: 'документах' });
const mentions = (n: number) => counted('ru', n, { one: 'упоминание', few: 'упоминания', many: 'упоминаний', other: 'упоминания' });

/** Русские строки сущностей (см. ../catalogue.ts): фасеты в поиске, страница сущности, слияние и разделение вручную. */
export const entities: typeof english = {
  quoted: (name) => `«${name}»`,
  facets: {
    label: 'Люди, организации и места в результатах',
    groups: { person: 'Люди', organization: 'Организации', place: 'Места' },
    filterBy: (name, n) => `Показать только результаты, где упоминается ${name} (${documents(n)})`,
    documents,
    open: (name) => `Страница «${name}»`,
    openShort: 'Страница',
    shown: (name) => `Упоминается ${name}`,
    remove: (name) => `Снять фильтр «упоминается ${name}»`,
    none: 'В этих результатах не найдено ни людей, ни организаций, ни мест.',
    more: (n) => `ещё ${n}`,
    fewer: 'Свернуть',
  },
  page: {
    loading: 'Чтение сущности…',
    unreadable: (problem) => `Не удалось прочитать сущность: ${problem}`,
    types: { person: 'Человек', organization: 'Организация', place: 'Место' },
    summary: (m, d) => `${mentions(m)} в ${inDocuments(d)}`,
    variants: 'Написания',
    mentions: 'Упоминания',
    mentionsShown: (shown, all) => `Первые ${shown} из ${all}`,
    openMention: (title) => `Открыть «${title}» на этом упоминании`,
    documents: 'Документы',
    documentMentions: mentions,
    openDocument: (title) => `Открыть «${title}»`,
    related: 'Встречаются вместе',
    together: (n) => `вместе в ${inDocuments(n)}`,
    showRelated: (name) => `Показать страницу «${name}»`,
    filter: 'Показать только результаты с упоминанием',
    close: 'Закрыть',
    back: (name) => `Назад к «${name}»`,
  },
  merge: {
    title: 'Объединить с другими сущностями',
    help: 'Отметьте сущности, которые означают то же самое: они станут одной, под этим именем.',
    candidates: (name) => `Сущности для объединения с «${name}»`,
    filter: 'Найти сущность',
    none: 'Других сущностей этого типа не найдено.',
    submit: 'Объединить…',
    confirmTitle: 'Объединение сущностей',
    confirm: 'Объединить',
    question: (name, others) =>
      `Объединить ${others} с «${name}»? Их упоминания и написания перейдут к «${name}». Объединение сохраняется в папке данных; его можно отменить, отделив написания снова.`,
    done: (name, n) =>
      `Объединено: к «${name}» присоединены ${counted('ru', n, { one: 'другая сущность', few: 'другие сущности', many: 'других сущностей', other: 'другие сущности' })}.`,
  },
  split: {
    title: 'Отделить написания',
    help: 'Отметьте написания, которые означают кого-то или что-то другое: они выйдут из этой сущности и образуют новую.',
    submit: 'Отделить…',
    needOne: 'Отметьте хотя бы одно написание и оставьте хотя бы одно.',
    confirmTitle: 'Отделение написаний',
    confirm: 'Отделить',
    question: (variants, name) => `Убрать ${variants} из «${name}» и сделать из них новую сущность? Разделение сохраняется в папке данных.`,
    done: (variants) => `Отделено: ${variants} теперь образуют отдельную сущность.`,
  },
};
