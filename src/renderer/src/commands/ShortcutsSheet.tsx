import { Key } from '../components/Key';
import { Modal } from '../components/Modal';
import { shownKey } from '../keys';
import { COMMAND_GROUPS, COMMANDS } from '../../../shared/commands';

/** Keys of the reader's keyboard selection, which are not commands of their own: each pair of keys, and what they do. */
const SELECTION_KEYS: ReadonlyArray<[string[], string]> = [
  [['J', 'K'], 'select the next / previous hit'],
  [['Shift+→', 'Shift+←'], 'end of the selection one word later / earlier'],
  [['Alt+Shift+←', 'Alt+Shift+→'], 'start of the selection one word earlier / later'],
  [['Shift+↓', 'Shift+↑'], 'end to the end of the sentence / start to its beginning'],
];

/** Every key of the app, by menu, with how to select text without a mouse. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcut-groups">
        {COMMAND_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`}>{group}</h3>
            <dl className="shortcut-list">
              {COMMANDS.filter((command) => command.group === group).map((command) => (
                <div key={command.id}>
                  <dt>
                    <Key>{shownKey(command.keys)}</Key>
                    {command.alternative && (
                      <>
                        {' '}
                        <Key>{shownKey(command.alternative)}</Key>
                      </>
                    )}
                  </dt>
                  <dd>{command.title}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-labelledby="shortcuts-selection" className="shortcut-selection">
          <h3 id="shortcuts-selection">Selecting text without a mouse</h3>
          <dl className="shortcut-list">
            {SELECTION_KEYS.map(([keys, meaning]) => (
              <div key={meaning}>
                <dt>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' / '}
                      <Key>{key}</Key>
                    </span>
                  ))}
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">
            Then <kbd>H</kbd> highlights the selection, <kbd>N</kbd> adds a note, <kbd>T</kbd> tags, <kbd>D</kbd> puts the highlight in
            the dossier. <kbd>Esc</kbd> closes any popup; <kbd>Tab</kbd> moves between controls, and <Key>↓</Key> <Key>↑</Key> between results.
          </p>
        </section>
      </div>
      <div className="toolbar-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
