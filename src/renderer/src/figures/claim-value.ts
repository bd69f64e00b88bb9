import type { Claim } from '../../../core/api/types';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import type { Language } from '../../../shared/i18n/language';

/** A claim's value as the source hedges it, in the interface's language: "about 16,000", "8,000–10,000". */
export function claimValue(claim: Pick<Claim, 'value' | 'high' | 'qualifier'>, t: Catalogue['figures'], language: Language): string {
  const number = (n: number) => n.toLocaleString(language);
  return t.value(claim.qualifier ? t.qualifiers[claim.qualifier] : null, number(claim.value), claim.high === null ? null : number(claim.high));
}
