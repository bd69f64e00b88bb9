import { useId, useState, type KeyboardEvent } from 'react';
import { Modal } from '../components/Modal';
import { shownKey } from '../keys';
import { COMMANDS, type CommandId, type CommandSpec } from '../../../shared/commands';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import { useT } from '../i18n';

/**
 * Commands whose title, group or explanation contain every word typed, in the catalogue's order but
 * with Help last: the palette is opened to do something, not to open itself again.
 */
export function filterCommands(
  query: string,
  t: Catalogue['commands'],
  commands: ReadonlyArray<CommandSpec<CommandId>> = COMMANDS,
): ReadonlyArray<CommandSpec<CommandId>> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = commands.filter((command) => {
    const text = `${t.titles[command.id]} ${t.groups[command.group]} ${detailOf(t, command.id) ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  return [...found.filter((c) => c.group !== 'Help'), ...found.filter((c) => c.group === 'Help')];
}

/** What a command does, when the catalogue explains it. */
export function detailOf(t: Catalogue['commands'], id: CommandId): string | undefined {
  return (t.details as Partial<Record<CommandId, string>>)[id];
}

/**
 * Every command with its key, found by typing part of its name: ↓ and ↑ choose, Enter runs, Escape
 * closes. The focus stays in the box; the chosen command is the list's active descendant.
 */
export function CommandPalette({ onRun, onClose }: { onRun(id: CommandId): void; onClose(): void }) {
  const t = useT().commands;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const shown = filterCommands(query, t);
  const chosen = Math.min(active, shown.length - 1);

  const run = (id: CommandId) => {
    onClose();
    onRun(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined && shown.length > 0) {
      event.preventDefault();
      setActive((chosen + move + shown.length) % shown.length);
    } else if (event.key === 'Enter' && shown[chosen]) {
      event.preventDefault();
      run(shown[chosen].id);
    }
  };

  return (
    <Modal title={t.palette.title} onClose={onClose} className="palette">
      <input
        type="text"
        role="combobox"
        aria-label={t.palette.input}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown[chosen] ? `${listId}-${shown[chosen].id}` : undefined}
        placeholder={t.palette.placeholder}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="palette-list" role="listbox" id={listId} aria-label={t.palette.list}>
        {shown.map((command, i) => (
          // Chosen with the keys from the box above (the focus stays there); a click runs it too.
          <li
            key={command.id}
            id={`${listId}-${command.id}`}
            role="option"
            aria-selected={i === chosen}
            className={i === chosen ? 'palette-option chosen' : 'palette-option'}
            onClick={() => run(command.id)}
            onMouseMove={() => setActive(i)}
          >
            <span className="palette-title">
              {t.titles[command.id]}
              {detailOf(t, command.id) && <span className="palette-detail">{detailOf(t, command.id)}</span>}
            </span>
            <kbd>{shownKey(command.keys)}</kbd>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted">{t.palette.noMatch(query)}</p>}
    </Modal>
  );
}
