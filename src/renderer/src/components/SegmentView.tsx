import type { ReactNode } from 'react';
import type { HighlightColor, MatchKind } from '../../../core/api/types';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import { useT } from '../i18n';
import type { Segment } from '../reader/segments';

/** How a hit that is not the word as asked is named (title, hit navigation, legend); an exact hit needs no name. */
export function kindText(kind: MatchKind, t: Catalogue['reader']): string | null {
  return kind === 'exact' ? null : t.kinds[kind];
}

/** One run of the text: plain, a search hit, highlighted, or a hit inside highlights. */
export function SegmentView({
  segment,
  text,
  currentHit,
  kind,
  focused,
  flashing,
  onFocusAnnotation,
}: {
  segment: Segment;
  text: string;
  currentHit: number;
  kind: MatchKind;
  focused: string | null;
  /** The annotation just revealed from the sidebar: marked briefly. */
  flashing: string | null;
  onFocusAnnotation(id: string): void;
}) {
  const t = useT().reader;
  let node: ReactNode = <span data-start={segment.start}>{text.slice(segment.start, segment.end)}</span>;
  if (segment.hit !== null) {
    // Variants and near spellings are drawn with a dashed underline and named in a tooltip, so they
    // differ from exact hits by more than colour.
    node = (
      <mark
        className={`hit${kind === 'exact' ? '' : ` hit-inexact hit-${kind}`}${segment.hit === currentHit ? ' current' : ''}`}
        data-hit={segment.hit}
        data-kind={kind}
        title={kindText(kind, t) ?? undefined}
      >
        {node}
      </mark>
    );
  }
  if (segment.highlights.length > 0) {
    const top = segment.highlights[segment.highlights.length - 1];
    const ids = segment.highlights.map((h) => h.id);
    const review = segment.highlights.some((h) => h.review);
    const classes = [
      'hl',
      `hl-${top.color as HighlightColor}`,
      segment.highlights.length > 1 && 'hl-overlap',
      // A fuzzy place is outlined (dashed) and labelled at its end, not told apart by colour alone.
      review && 'hl-review',
      focused !== null && ids.includes(focused) && 'focused',
      flashing !== null && ids.includes(flashing) && 'flash',
    ];
    node = (
      <span
        className={classes.filter(Boolean).join(' ')}
        data-annotation={ids.join(' ')}
        data-review-end={segment.highlights.some((h) => h.review && h.end === segment.end) || undefined}
        // The colour in words (its line under the text shows it without colour too).
        title={review ? t.reviewTitle : t.highlightTitle(...segment.highlights.map((h) => t.colors[h.color as HighlightColor]))}
        onClick={() => onFocusAnnotation(top.id)}
      >
        {node}
      </span>
    );
  }
  return node;
}
