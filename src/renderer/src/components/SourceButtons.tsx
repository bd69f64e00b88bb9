import type { CommandId } from '../../../shared/commands';
import { useT } from '../i18n';
import { commandKey } from '../keys';

const BUTTONS: ReadonlyArray<{ id: CommandId; text: string }> = [
  { id: 'page-view', text: 'Page view' },
  { id: 'open-original', text: 'Original file' },
];

/** The open article's page view (to print) and its original file, in the reader's header. */
export function SourceButtons({ onRun }: { onRun(id: CommandId): void }) {
  const titles = useT().commands.titles;
  return (
    <div className="reader-controls source-buttons" role="group" aria-label="Source">
      <span className="reader-controls-label" aria-hidden="true">
        Source
      </span>
      {BUTTONS.map(({ id, text }) => (
        <button key={id} type="button" title={`${titles[id]} (${commandKey(id)})`} onClick={() => onRun(id)}>
          {text}
        </button>
      ))}
    </div>
  );
}
