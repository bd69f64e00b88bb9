import type { duplicates as english } from '../en/duplicates';
import { counted } from '../language';

/** Русские строки копий документов и их сравнения (см. ../catalogue.ts). */

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const duplicates: typeof english = {
  alsoIn: (n) => `Ещё в ${counted('ru', n, { one: 'источнике', few: 'источниках', many: 'источниках', other: 'источниках' })}`,
  copiesLabel: (title) => `Копии «${title}» среди результатов`,
  inCommon: (share) => `${percent(share)} совпадает`,
  open: 'Открыть',
  openTitle: (title) => `Открыть «${title}»`,
  compare: 'Сравнить',
  compareTitle: (title) => `Сравнить с «${title}» по словам`,
  dialogTitle: 'Сравнение документов',
  summary: (share) => `Совпадает ${percent(share)} текста.`,
  tooDifferent: 'Документы слишком разные, чтобы сравнивать их по словам.',
  changes: (n) => (n === 0 ? 'Текст не различается.' : counted('ru', n, { one: 'различие', few: 'различия', many: 'различий', other: 'различия' })),
  removedMark: 'только в первом:',
  addedMark: 'только во втором:',
  previousChange: 'Предыдущее различие',
  nextChange: 'Следующее различие',
  changeOf: (at, total) => `Различие ${at} из ${total}`,
  close: 'Закрыть',
  loading: 'Сравнение…',
};
