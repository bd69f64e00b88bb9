/**
 * Name variants: one key for the spellings a name takes when it is transliterated from Russian or
 * Kazakh into Latin letters by different conventions (and back). Two words are variants of each
 * other when their keys are equal. The rules, applied in this order to a matching-form word:
 *
 *  1. Cyrillic → Latin, letter by letter (Russian, Kazakh and Ukrainian letters): Токаев → tokaev.
 *  2. Hyphens dropped (Alma-Ata → almaata); words with digits have no variants.
 *  3. Digraphs and letters that stand for one sound fold to one symbol:
 *     shch/sch/sh → S; tch/ch → C; dzh/dj/zh → J, and j at the start of a word or after a
 *     consonant also → J (Janaozen = Zhanaozen, Jomart = Zhomart); kh, h, q, ck, hard c → k;
 *     gh → g; ph, f, w → v (Tokajew = Tokayev); th → t; x → ks; ou → u.
 *  4. y, j or i between vowels are dropped (Tokayev = Tokajev = Tokaev, Aliyev = Aliev), as is
 *     y or i before a vowel at the start (Yerlan = Erlan, Iurii = Yuri); any other y → i.
 *  5. Doubled letters are single (Kassym = Kasym, Alma-Ata → almata).
 *  6. Trailing vowels are dropped (Almaty = Alma-Ata; Russian case endings -а/-у).
 * Words shorter than four letters get no key: too many short names collide.
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  // Ukrainian and Belarusian
  є: 'ye', ї: 'yi', ґ: 'g', ў: 'u',
};

const MIN_LETTERS = 4;

/** The Latin transliteration of a lower-case word (Latin letters pass through). */
export function transliterate(term: string): string {
  let out = '';
  for (const ch of term) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}

/** The variant key of a matching-form word (see the module comment), or null if it has none. */
export function variantKey(term: string): string | null {
  let key = transliterate(term).replace(/[-‐‑]/g, '');
  if (!/^[a-z]+$/.test(key) || key.length < MIN_LETTERS) return null;
  key = key
    .replace(/s?shch|sch|sh/g, 'S')
    .replace(/t?ch/g, 'C')
    .replace(/d?zh|dj/g, 'J')
    .replace(/^j|(?<=[^aeiouyj])j/g, 'J')
    .replace(/kh|ck|q/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/h/g, 'k')
    .replace(/[fw]/g, 'v')
    .replace(/ou/g, 'u')
    .replace(/(?<=[aeiou])[yji]+(?=[aeiou])/g, '')
    .replace(/^[yi](?=[aeiou])/, '')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1');
  const stripped = key.replace(/[aeiou]+$/, '');
  return stripped.length >= 2 ? stripped : key;
}

/** Words this long get automatic edit-distance-1 matching; shorter ones have too many neighbours. */
export const AUTO_FUZZY_MIN_LETTERS = 7;
/** lunr's edit automaton grows with the word; past this length a typo is no longer the likely story. */
export const FUZZY_MAX_LETTERS = 40;

/** Whether a word gets automatic edit-distance-1 matching (its length counted in letters). */
export function allowsAutomaticFuzzy(term: string): boolean {
  const letters = letterCount(term);
  return letters >= AUTO_FUZZY_MIN_LETTERS && letters <= FUZZY_MAX_LETTERS;
}

export function letterCount(term: string): number {
  return [...term].filter((ch) => /\p{L}/u.test(ch)).length;
}
