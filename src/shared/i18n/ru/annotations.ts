import type { annotations as english } from '../en/annotations';

/** Русские строки (annotations); ключи и формы те же, что в английском каталоге. */
export const annotations: typeof english = {};
