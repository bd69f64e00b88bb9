import type { marks as english } from '../en/marks';

/** Русские строки пометок документов; ключи и формы те же, что в английском каталоге. */
export const marks: typeof english = {
  star: 'Отметить',
  starred: 'Отмечен',
  starLabel: 'Отметить документ звёздочкой',
  tagsLabel: 'Метки документа',
  tagsPlaceholder: 'метки через запятую',
  saveTags: 'Сохранить метки',
  failed: (problem) => `Пометки не сохранены: ${problem}`,
  filterStarred: 'Только отмеченные документы',
  filterTags: 'С метками документа',
  activeStarred: 'отмеченные',
  activeTags: (tags) => `с метками ${tags}`,
};
