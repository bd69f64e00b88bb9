import { Key } from '../components/Key';
import { Modal } from '../components/Modal';
import { shownKey } from '../keys';
import { COMMAND_GROUPS, COMMANDS } from '../../../shared/commands';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import { KeyedText } from '../components/KeyedText';
import { useT } from '../i18n';

type SelectionMeaning = keyof Catalogue['commands']['sheet']['selectionKeys'];

/** Keys of the reader's keyboard selection, which are not commands of their own: each pair of keys, and what they do. */
const SELECTION_KEYS: ReadonlyArray<[string[], SelectionMeaning]> = [
  [['J', 'K'], 'hits'],
  [['Shift+→', 'Shift+←'], 'end'],
  [['Alt+Shift+←', 'Alt+Shift+→'], 'start'],
  [['Shift+↓', 'Shift+↑'], 'sentence'],
];

/** Every key of the app, by menu, with how to select text without a mouse. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const t = useT().commands;
  return (
    <Modal title={t.sheet.title} onClose={onClose} wide>
      <div className="shortcut-groups">
        {COMMAND_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`}>{t.groups[group]}</h3>
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
                  <dd>{t.titles[command.id]}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-labelledby="shortcuts-selection" className="shortcut-selection">
          <h3 id="shortcuts-selection">{t.sheet.selection}</h3>
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
                <dd>{t.sheet.selectionKeys[meaning]}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">
            <KeyedText text={t.sheet.then} />
          </p>
        </section>
      </div>
      <div className="toolbar-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t.sheet.close}
        </button>
      </div>
    </Modal>
  );
}
