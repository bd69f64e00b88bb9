import type { CommandId } from '../../../shared/commands';
import { plural } from '../format';

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
  const empty = documentCount === 0;
  return (
    <div className="empty-hint first-run">
      <h2>{empty ? 'This archive has no articles yet' : 'No article open'}</h2>
      <ol className="first-steps">
        <li>
          <strong>Open an archive</strong>
          <p>
            {archiveRoot === null
              ? 'The archive is opening…'
              : `${archiveRoot} — ${plural(documentCount ?? 0, 'document')}.`}{' '}
            Any folder of .txt, .md, .html, .pdf and .docx files, and web archives (.warc, .warc.gz, .wacz), can be one.
          </p>
          <p className="first-actions">
            <button type="button" onClick={() => onRun('open-archive')}>
              Open archive…
            </button>
            <button type="button" onClick={() => onRun('add-files')}>
              Add files…
            </button>
          </p>
        </li>
        <li>
          <strong>Try a query</strong>
          <p>
            Press <kbd>/</kbd> and type, or try{' '}
            {EXAMPLES.map((query, i) => (
              <span key={query}>
                {i > 0 && ', '}
                <button type="button" className="link example-query" onClick={() => onTry(query)}>
                  <code>{query}</code>
                </button>
              </span>
            ))}
            . ↓ and ↑ move through the results, Enter opens one.
          </p>
          <p className="first-actions">
            <button type="button" onClick={() => onRun('query-syntax')}>
              Query syntax
            </button>
          </p>
        </li>
        <li>
          <strong>Select text to highlight</strong>
          <p>
            Drag over a passage, or press <kbd>J</kbd> to select the next hit and <kbd>Shift</kbd>+arrows to widen it. Then <kbd>H</kbd>{' '}
            highlights, <kbd>N</kbd> adds a note, <kbd>T</kbd> tags, <kbd>D</kbd> puts it in the dossier.
          </p>
        </li>
      </ol>
      <p className="first-actions">
        <button type="button" onClick={() => onRun('shortcuts')}>
          All keyboard shortcuts <kbd>?</kbd>
        </button>
        <button type="button" onClick={() => onRun('palette')}>
          Commands
        </button>
      </p>
    </div>
  );
}
