import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useT } from '../i18n';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dragged from the desktop onto the window: while they are over it a drop zone covers the app;
 * dropped, they are handed on. Other drags (reordering a dossier) are left alone.
 */
export function DropZone({ onFiles }: { onFiles(files: File[]): void }) {
  const t = useT().app.dropZone;
  const [over, setOver] = useState(false);
  /** dragenter and dragleave fire for every element crossed: the drag is over the window while this is above 0. */
  const depth = useRef(0);
  const handOn = useEffectEvent(onFiles);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current++;
      setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the dropped file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) handOn(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!over) return null;
  return (
    <div className="drop-zone" role="status">
      <div className="drop-zone-inner">
        <p className="drop-zone-title">{t.title}</p>
        <p>{t.copied}</p>
        <p className="muted">{t.formats}</p>
      </div>
    </div>
  );
}
