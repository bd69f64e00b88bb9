import type { reader as english } from '../en/reader';

/** Русские строки (reader); ключи и формы те же, что в английском каталоге. */
export const reader: typeof english = {};
