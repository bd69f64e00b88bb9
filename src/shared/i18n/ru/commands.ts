import type { commands as english } from '../en/commands';

/** Русские строки (commands); ключи и формы те же, что в английском каталоге. */
export const commands: typeof english = {};
