import type { CommandId } from '../../../shared/commands';
import { useT } from '../i18n';
import { commandKey } from '../keys';
import { LIMITS, type Layout } from './layout';

/** A button that runs a command, its key in the tooltip; its words are part of its accessible name. */
function CommandButton({ id, label, text, disabled = false, pressed, onRun }: { id: CommandId; label?: string; text: string; disabled?: boolean; pressed?: boolean; onRun(id: CommandId): void }) {
  const title = useT().commands.titles[id];
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={`${title} (${commandKey(id)})`}
      disabled={disabled}
      onClick={() => onRun(id)}
    >
      {text}
    </button>
  );
}

/** The reader's text size, line length and reading mode, in its header. */
export function ReaderControls({ layout, onRun }: { layout: Layout; onRun(id: CommandId): void }) {
  return (
    <div className="reader-controls" role="group" aria-label="Text and layout">
      <span className="reader-controls-label" aria-hidden="true">
        Text
      </span>
      <CommandButton id="text-smaller" label="Smaller text" text="Smaller" disabled={layout.textSize <= LIMITS.textSize.min} onRun={onRun} />
      <CommandButton id="text-larger" label="Larger text" text="Larger" disabled={layout.textSize >= LIMITS.textSize.max} onRun={onRun} />
      <span className="reader-controls-label" aria-hidden="true">
        Lines
      </span>
      <CommandButton id="lines-narrower" label="Narrower lines" text="Narrower" disabled={layout.lineWidth <= LIMITS.lineWidth.min} onRun={onRun} />
      <CommandButton id="lines-wider" label="Wider lines" text="Wider" disabled={layout.lineWidth >= LIMITS.lineWidth.max} onRun={onRun} />
      {/* Pressed while the side panes are hidden; pressed again to bring them back. */}
      <CommandButton id="reading-mode" text="Reading mode" pressed={layout.reading} onRun={onRun} />
    </div>
  );
}
