import type { search as english } from '../en/search';

/** Русские строки (search); ключи и формы те же, что в английском каталоге. */
export const search: typeof english = {};
