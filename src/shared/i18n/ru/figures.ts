import type { figures as english } from '../en/figures';
import { counted } from '../language';

/** Русские строки вида «Цифры» (см. ../catalogue.ts). */
export const figures: typeof english = {
  tab: 'Цифры',
  resize: 'Изменить ширину цифр',
  title: 'Цифры из источников',
  measures: { deaths: 'Погибшие', detentions: 'Задержанные', injuries: 'Раненые', missing: 'Пропавшие' },
  measureLower: { deaths: 'погибших', detentions: 'задержанных', injuries: 'раненых', missing: 'пропавших' },
  qualifiers: { about: 'около', almost: 'почти', 'at least': 'не менее', 'more than': 'более', 'at most': 'до' },
  filter: 'Показатель',
  allMeasures: 'Все показатели',
  loading: 'Чтение цифр…',
  unreadable: (problem) => `Не удалось прочитать цифры: ${problem}`,
  none: 'Цифр не найдено: ни одно предложение архива не называет число погибших, задержанных, раненых или пропавших.',
  claims: (n) => counted('ru', n, { one: 'утверждение', few: 'утверждения', many: 'утверждений', other: 'утверждения' }),
  sources: (n) => counted('ru', n, { one: 'источник', few: 'источника', many: 'источников', other: 'источника' }),
  conflict: 'Источники расходятся',
  agree: 'Источники сходятся',
  valuesLabel: (measure) => `Названные значения: ${measure}`,
  claimList: (measure) => `Утверждения: ${measure}`,
  value: (qualifier, low, high) => `${qualifier ? `${qualifier} ` : ''}${low}${high ? `–${high}` : ''}`,
  undated: 'без даты',
  open: (title) => `Открыть «${title}» на этом предложении`,
  annotate: 'Аннотировать',
  addTable: 'Таблицу в досье',
  addTableLabel: (measure) => `Добавить таблицу ${measure} (число, источник, дата, ссылка) в досье`,
  annotateLabel: (value, title) => `Аннотировать утверждение ${value} в «${title}»`,
  annotated: 'Аннотировано',
  annotatedLabel: (value, title) => `Аннотировано: показать выделение ${value} в «${title}»`,
  note: (measure, value) => `Цифра: ${value} ${measure}`,
  annotatedToast: (value, measure) => `Аннотировано: ${value} ${measure}`,
};
