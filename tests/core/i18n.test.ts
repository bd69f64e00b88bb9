import { describe, expect, it } from 'vitest';
import { catalogueFor, type Catalogue } from '../../src/shared/i18n/catalogue';
import { counted, resolveLanguage } from '../../src/shared/i18n/language';

/** Every string of a catalogue with its path ("search.placeholder"); functions are called with sample arguments. */
function strings(catalogue: Catalogue): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') found.set(at, value);
    // The core's sentences (messages.*) take their values by name: each value is then 3.
    else if (typeof value === 'function' && at.startsWith('messages.')) found.set(at, String((value as (values: unknown) => unknown)(new Proxy({}, { get: () => 3 }))));
    else if (typeof value === 'function') found.set(at, String((value as (...args: unknown[]) => unknown)(3, 'X', 'Y')));
    else if (typeof value === 'object' && value !== null) for (const [key, inner] of Object.entries(value)) walk(inner, at ? `${at}.${key}` : key);
  };
  walk(catalogue, '');
  return found;
}

describe('the interface catalogues', () => {
  it('Russian has every string English has, each translated (not left in English) and never empty', () => {
    const english = strings(catalogueFor('en'));
    const russian = strings(catalogueFor('ru'));
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of russian) {
      expect(text.trim(), key).not.toBe('');
      // A string with letters in it is in Cyrillic, or is a name, a key or a format that stays as it is.
      if (/[A-Za-z]{4,}/.test(text) && !/[А-Яа-яЁё]/.test(text)) expect(text, `${key} looks untranslated`).not.toBe(english.get(key));
    }
  });

  it('counts with the plural forms of each language (CLDR rules)', () => {
    const forms = { one: 'документ', few: 'документа', many: 'документов', other: 'документа' };
    expect([1, 2, 5, 11, 21, 22, 25, 101].map((n) => counted('ru', n, forms))).toEqual([
      '1 документ', '2 документа', '5 документов', '11 документов', '21 документ', '22 документа', '25 документов', '101 документ',
    ]);
    expect([1, 2, 1000].map((n) => counted('en', n, { one: 'document', other: 'documents' }))).toEqual(['1 document', '2 documents', '1,000 documents']);
  });

  it('the system choice takes the first system language there is a catalogue for, else English', () => {
    expect(resolveLanguage('system', ['ru-RU', 'en-US'])).toBe('ru');
    expect(resolveLanguage('system', ['kk-KZ', 'ru'])).toBe('ru');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage('en', ['ru-RU'])).toBe('en');
  });
});
