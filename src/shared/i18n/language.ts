/**
 * The languages of Casefile's interface. Every string the user reads (the window, dialogs, messages,
 * the Electron menu) comes from one catalogue per language (catalogue.ts); the archive's own text
 * and the dossier's citations are never translated (a citation is quoted into reports as printed).
 */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
/** What the user chose: a language, or the system's (the browser's or the OS's first language we have). */
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The language to show for a choice: "system" takes the first of the system's languages we have, else English. */
export function resolveLanguage(choice: LanguageChoice, systemLanguages: readonly string[]): Language {
  if (choice !== 'system') return choice;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/** The forms of a counted noun: English needs one and other; Russian one (1, 21), few (2–4, 22) and many (5–20, 25). */
export interface CountForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/**
 * "1 document", "3 documents"; "1 документ", "3 документа", "5 документов": `count` with the form
 * of its noun that the language's plural rules (CLDR, through Intl.PluralRules) ask for.
 */
export function counted(language: Language, count: number, forms: CountForms): string {
  const category = new Intl.PluralRules(language).select(count);
  const form = category === 'one' ? forms.one : category === 'few' ? (forms.few ?? forms.other) : category === 'many' ? (forms.many ?? forms.other) : forms.other;
  return `${count.toLocaleString(language)} ${form}`;
}
