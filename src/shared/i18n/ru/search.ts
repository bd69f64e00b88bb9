import type { search as english } from '../en/search';
import { counted } from '../language';

/** Русские строки (search); ключи и формы те же, что в английском каталоге. */
export const search: typeof english = {
  panel: {
    label: 'Поиск',
    refineSummary: 'Даты и имена в результатах',
    inputLabel: 'Поиск по архиву',
    placeholder: 'Поиск по архиву…',
    results: 'Результаты',
    searching: 'Поиск…',
    noMatch: 'Ни один документ не подходит.',
    noMatchFiltered: 'С этими фильтрами ни один документ не подходит.',
    documents: (n) => counted('ru', n, { one: 'документ', few: 'документа', many: 'документов', other: 'документа' }),
    firstShown: (total, shown) =>
      `${counted('ru', total, { one: 'документ', few: 'документа', many: 'документов', other: 'документа' })} (показаны первые ${shown})`,
    announced: (query, found) => `Результаты по запросу «${query}»: ${found}`,
    keptResults: (query) => ['Пока показаны результаты предыдущего запроса: ', query],
    emptyHint: (parts) => [
      'Введите слова, чтобы искать по всем статьям архива (',
      parts.slash,
      ' переносит сюда из любого места); затем ↓ ведёт по результатам, а Enter открывает результат. Работают и фразы в кавычках, ',
      parts.must,
      ', ',
      parts.not,
      ', поля и подстановочные знаки: ',
      parts.syntax,
      '.',
    ],
  },
  options: {
    variants: 'Варианты имён',
    variantsHelp: 'Находит и другие написания имени, например Tokayev / Tokajev / Токаев, а также близкие написания длинных слов.',
    sort: 'Порядок',
    sortOrders: { relevance: 'По релевантности', newest: 'Сначала новые', oldest: 'Сначала старые' },
    filterSummary: 'Фильтр по источнику или дате',
    activeSource: (source) => `источник «${source}»`,
    activeFrom: (date) => `с ${date}`,
    activeTo: (date) => `по ${date}`,
    filters: 'Фильтры',
    source: 'Источник',
    sourcePlaceholder: 'автор или папка',
    from: 'С',
    to: 'По',
  },
  result: {
    matches: (n) => counted('ru', n, { one: 'совпадение', few: 'совпадения', many: 'совпадений', other: 'совпадения' }),
    variantOnly: 'только другое написание',
    alsoMatched: (variants) => `также найдено: ${variants}`,
    fewerPassages: 'Показать меньше отрывков',
    morePassages: (n) => `Показать ещё ${counted('ru', n, { one: 'отрывок', few: 'отрывка', many: 'отрывков', other: 'отрывка' })}`,
  },
  problem: {
    character: (at) => `символ ${at}`,
    characters: (from, to) => `символы ${from}–${to}`,
  },
  syntax: {
    title: 'Синтаксис запросов',
    meanings: {
      anyWords: 'любое из слов; статьи с бо́льшим числом и более редкими совпадениями стоят выше',
      phrase: 'точная фраза: слова рядом, в этом порядке',
      mustNot: 'слово должно быть в статье / не должно быть',
      operators: 'заглавными: a AND b — нужны оба, a OR b — любое (по умолчанию), NOT b исключает b; без скобок',
      fields: 'искать только в одном поле: title:Kazakhstan, byline:"Aigerim"',
      boost: 'придать термину больший вес, чем остальным',
      fuzzy: 'близкие написания: отличие до 1 (или ~2) букв',
      wildcard: 'подстановка: любые буквы на месте *',
    },
    note: (parts) => [
      'Регистр не важен, а ',
      parts.possessive,
      ' находит ',
      parts.base,
      '. Находятся и варианты имён (Tokayev, Tokajev, Токаев; Kassym-Jomart, Kasym-Zhomart), и близкие написания слов из 7 и более букв (liquified) — ниже точных совпадений, если не выключен параметр ',
      parts.option,
      '.',
    ],
  },
  terms: {
    inResults: 'Термины запроса в результатах',
    inDocument: 'Термины запроса в этой статье',
    required: 'обязательно',
    excluded: 'исключено',
    inDocuments: (occurrences, documents) =>
      `${occurrences} в ${counted('ru', documents, { one: 'документе', few: 'документах', many: 'документах', other: 'документах' })}`,
    alsoMatched: 'также найдено',
  },
};
