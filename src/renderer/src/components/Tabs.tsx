import type { KeyboardEvent, ReactNode } from 'react';

interface Props<T extends string> {
  tabs: ReadonlyArray<readonly [NoInfer<T>, ReactNode]>;
  value: T;
  onChange(value: T): void;
  /** What the tab list chooses, for screen readers. */
  label: string;
  /** Each tab's id is `${idPrefix}-${value}`; the panel names its tab by it. */
  idPrefix: string;
  /** One panel whose content changes with the tab, or a panel for each tab. */
  panelId: string | ((tab: T) => string);
  className: string;
}

/** A tab list, the arrow keys moving between its tabs as in any tab list. */
export function Tabs<T extends string>({ tabs, value, onChange, label, idPrefix, panelId, className }: Props<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const step = event.key === 'ArrowRight' ? 1 : tabs.length - 1;
    const next = tabs[(tabs.findIndex(([t]) => t === value) + step) % tabs.length][0];
    onChange(next);
    document.getElementById(`${idPrefix}-${next}`)?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map(([tab, text]) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`${idPrefix}-${tab}`}
          aria-selected={value === tab}
          aria-controls={typeof panelId === 'string' ? panelId : panelId(tab)}
          tabIndex={value === tab ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
