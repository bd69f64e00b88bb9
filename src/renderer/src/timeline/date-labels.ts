import type { DatePrecision } from '../../../core/api/types';
import type { Language } from '../../../shared/i18n/language';

/** A day, month or year of the core's dates (YYYY-MM-DD, YYYY-MM, YYYY) as a UTC date: no time zone moves it. */
function utc(date: string): Date {
  const [year, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

const FORMATS: Record<'day' | 'month' | 'year' | 'shortDay', Intl.DateTimeFormatOptions> = {
  day: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  shortDay: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** "Wed, January 5, 2022", "January 2022", "2022": a date as precise as it is known, in the interface's language. */
export function dateLabel(date: string, precision: DatePrecision | 'shortDay', language: Language): string {
  const format = precision === 'week' ? 'shortDay' : precision;
  return new Intl.DateTimeFormat(language, FORMATS[format]).format(utc(date));
}

/** The first and last day of a month written YYYY-MM. */
export function monthRange(month: string): { from: string; to: string } {
  const start = utc(month);
  const last = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return { from: `${month}-01`, to: last.toISOString().slice(0, 10) };
}

/** Every month from `first` to `last` (YYYY-MM), in order. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let d = utc(first); d <= utc(last); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) months.push(d.toISOString().slice(0, 7));
  return months;
}
