import type { CommandId } from '../../../shared/commands';
import { useT } from '../i18n';
import { KeyedText } from './KeyedText';

/** Queries that show the language at work; a click runs one. */
const EXAMPLES = ['Tokayev', '"shoot without warning"', 'protest* -Astana'];

interface Props {
  /** null while the archive is still opening. */
  documentCount: number | null;
  archiveRoot: string | null;
  onRun(id: CommandId): void;
  onTry(query: string): void;
}

/** What the reader says before an article is opened: the three steps from an archive to a highlight. */
export function EmptyReader({ documentCount, archiveRoot, onRun, onTry }: Props) {
  const t = useT().app.emptyReader;
  const empty = documentCount === 0;
  return (
    <div className="empty-hint first-run">
      <h2>{empty ? t.noArticles : t.noArticleOpen}</h2>
      <ol className="first-steps">
        <li>
          <strong>{t.openStep}</strong>
          <p>
            {archiveRoot === null ? t.archiveOpening : t.archiveSummary(archiveRoot, documentCount ?? 0)} {t.anyFolder}
          </p>
          <p className="first-actions">
            <button type="button" onClick={() => onRun('open-archive')}>
              {t.openArchive}
            </button>
            <button type="button" onClick={() => onRun('add-files')}>
              {t.addFiles}
            </button>
          </p>
        </li>
        <li>
          <strong>{t.queryStep}</strong>
          <p>
            <KeyedText text={t.pressSlash} />{' '}
            {EXAMPLES.map((query, i) => (
              <span key={query}>
                {i > 0 && t.orSeparator}
                <button type="button" className="link example-query" onClick={() => onTry(query)}>
                  <code>{query}</code>
                </button>
              </span>
            ))}
            {t.afterExamples}
          </p>
          <p className="first-actions">
            <button type="button" onClick={() => onRun('query-syntax')}>
              {t.querySyntax}
            </button>
          </p>
        </li>
        <li>
          <strong>{t.highlightStep}</strong>
          <p>
            <KeyedText text={t.howToHighlight} />
          </p>
        </li>
      </ol>
      <p className="first-actions">
        <button type="button" onClick={() => onRun('shortcuts')}>
          {t.allShortcuts} <kbd>?</kbd>
        </button>
        <button type="button" onClick={() => onRun('palette')}>
          {t.commands}
        </button>
      </p>
    </div>
  );
}
