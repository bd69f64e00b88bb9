import type { ArgsOf, HighlightColor } from '../../../core/api/types';

/** The sidebar's filters as its controls hold them ('' for "any"). */
export interface AnnotationFilters {
  tag: string;
  color: HighlightColor | '';
  /** Words to find in the quote or the note. */
  text: string;
}

export const NO_FILTERS: AnnotationFilters = { tag: '', color: '', text: '' };

/** The `listAnnotations` call for a document (or the whole archive) and these filters; unused filters are left out. */
export function listArgs(filters: AnnotationFilters, docId: string | null): ArgsOf<'listAnnotations'> {
  const text = filters.text.trim();
  return {
    ...(docId !== null ? { docId } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.color ? { color: filters.color } : {}),
    ...(text ? { text } : {}),
  };
}

export function isFiltered(filters: AnnotationFilters): boolean {
  return filters.tag !== '' || filters.color !== '' || filters.text.trim() !== '';
}
