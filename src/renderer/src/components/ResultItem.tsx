import { useId, useState, type ReactNode } from 'react';
import type { DocumentMark, SearchHit } from '../../../core/api/types';
import { useT } from '../i18n';
import { MarkedText } from './MarkedText';
import { CopiesOfHit } from '../duplicates/CopiesOfHit';
import { MarkTags, StarButton } from '../marks/DocumentMarks';

/** Passages shown at first; the rest (the core sends every matching place, up to 100) on request. */
const SNIPPETS_SHOWN = 3;

interface Props {
  hit: SearchHit;
  selected: boolean;
  onOpen(): void;
  /** Open one of the copies folded into this result. */
  onOpenCopy(id: string): void;
  /** Show this result and one of its copies side by side. */
  onCompare(copy: string): void;
  /** The document's star and tags, and the way to star it (no star button without it). */
  mark?: DocumentMark;
  onStar?(starred: boolean): void;
  /** Said before its details (a saved search's "New"). */
  badge?: ReactNode;
}

export function ResultItem({ hit, selected, onOpen, onOpenCopy, onCompare, mark, onStar, badge }: Props) {
  const t = useT().search.result;
  const titleId = useId();
  const [expanded, setExpanded] = useState(false);
  const snippets = expanded ? hit.snippets : hit.snippets.slice(0, SNIPPETS_SHOWN);
  const hidden = hit.snippets.length - snippets.length;
  // Not exact but matched through other spellings; a document matched only by what it lacks (-word) is neither.
  const variantOnly = !hit.exact && hit.matchedVariants.length > 0;
  return (
    <li className={`result-item${onStar ? ' has-star-button' : ''}`} data-id={hit.id}>
      <button type="button" className={`result${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onOpen}>
        <span className="result-title" id={titleId}>
          {hit.title}
        </span>
        <span className="result-meta">
          {badge}
          {[hit.byline, hit.date?.text, hit.matchCount > 0 ? t.matches(hit.matchCount) : null].filter(Boolean).join(' · ')}
        </span>
        <MarkTags mark={mark} />
        {hit.matchedVariants.length > 0 && (
          <span className="result-variants">
            {variantOnly && <span className="badge badge-variant">{t.variantOnly}</span>}
            <span className="also-matched">{t.alsoMatched(hit.matchedVariants.join(', '))}</span>
          </span>
        )}
        {snippets.map((snippet) => (
          <span className="snippet" key={snippet.start}>
            {snippet.start > 0 && '…'}
            <MarkedText text={snippet.text} marks={snippet.matches} kinds={snippet.kinds} />…
          </span>
        ))}
      </button>
      {onStar && <StarButton describedBy={titleId} starred={mark?.starred ?? false} onChange={onStar} />}
      {hit.snippets.length > SNIPPETS_SHOWN && (
        <button type="button" className="link more-snippets" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t.fewerPassages : t.morePassages(hidden)}
        </button>
      )}
      {hit.alsoIn && hit.alsoIn.length > 0 && <CopiesOfHit title={hit.title} copies={hit.alsoIn} onOpen={onOpenCopy} onCompare={onCompare} />}
    </li>
  );
}
