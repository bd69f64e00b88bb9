import type { ingest as english } from '../en/ingest';

/** Русские строки (ingest); ключи и формы те же, что в английском каталоге. */
export const ingest: typeof english = {};
