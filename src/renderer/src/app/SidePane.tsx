import type { ReactNode } from 'react';
import { Tabs } from '../components/Tabs';
import { useT } from '../i18n';

/** What the right-hand pane shows. */
export type Place = 'annotations' | 'dossier' | 'figures' | 'timeline';

interface Props {
  place: Place;
  onPlace(place: Place): void;
  /** How many highlights the dossier holds, shown on its tab. */
  itemCount: number;
  annotations: ReactNode;
  dossier: ReactNode;
  figures: ReactNode;
  timeline: ReactNode;
}

/** The right-hand pane: the annotations or the dossier, one tab each. */
export function SidePane({ place, onPlace, itemCount, annotations, dossier, figures, timeline }: Props) {
  const catalogue = useT();
  const t = catalogue.app.sidePane;
  const label = { annotations: t.annotations, dossier: t.dossier, figures: catalogue.figures.tab, timeline: catalogue.timeline.tab }[place];
  return (
    <aside className="pane sidebar-pane" id="sidebar-pane" aria-label={label}>
      <Tabs<Place>
        tabs={[
          ['annotations', t.annotations],
          [
            'dossier',
            <>
              {t.dossier}{' '}
              <span className="count" aria-hidden="true">
                {itemCount || ''}
              </span>
            </>,
          ],
          ['figures', catalogue.figures.tab],
          ['timeline', catalogue.timeline.tab],
        ]}
        value={place}
        onChange={onPlace}
        label={t.tabs}
        idPrefix="place-tab"
        panelId={(tab) => `place-panel-${tab}`}
        className="place-tabs"
      />
      {/* Both stay mounted, so each keeps its state (filters, scroll) while the other is shown. */}
      <div className="place-panel" id="place-panel-annotations" role="tabpanel" aria-labelledby="place-tab-annotations" hidden={place !== 'annotations'}>
        {annotations}
      </div>
      <div className="place-panel" id="place-panel-dossier" role="tabpanel" aria-labelledby="place-tab-dossier" hidden={place !== 'dossier'}>
        {dossier}
      </div>
      <div className="place-panel" id="place-panel-figures" role="tabpanel" aria-labelledby="place-tab-figures" hidden={place !== 'figures'}>
        {figures}
      </div>
      <div className="place-panel" id="place-panel-timeline" role="tabpanel" aria-labelledby="place-tab-timeline" hidden={place !== 'timeline'}>
        {timeline}
      </div>
    </aside>
  );
}
