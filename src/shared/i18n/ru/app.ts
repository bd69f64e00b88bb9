import type { app as english } from '../en/app';

/** Русские строки (app); ключи и формы те же, что в английском каталоге. */
export const app: typeof english = {};
