import type { dossier as english } from '../en/dossier';

/** Русские строки (dossier); ключи и формы те же, что в английском каталоге. */
export const dossier: typeof english = {};
