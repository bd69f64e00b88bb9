import { useEffect, useEffectEvent } from 'react';
import type { AnchoredAnnotation } from '../../../core/api/types';
import { annotationIdFromRoute, annotationLink } from '../../../shared/annotation-link';
import type { CasefileClient } from '../api/client';
import type { Notify } from '../app/use-notices';

/**
 * Puts the link to an annotation (`casefile://annotation/<id>`) on the clipboard: through Electron's
 * main process (the page has no clipboard permission there), else the browser's clipboard. The link,
 * or null when no clipboard took it (the caller then shows it to copy by hand).
 */
export async function copyAnnotationLink(id: string): Promise<string | null> {
  const bridge = window.casefile;
  if (bridge) {
    const copied = await bridge.copyAnnotationLink(id);
    return typeof copied === 'string' ? copied : null;
  }
  const link = annotationLink(id);
  try {
    await navigator.clipboard.writeText(link);
    return link;
  } catch {
    return null;
  }
}

/** Copies the link and says so, or shows the link when the clipboard refused it. */
export async function copyLinkAndSay(id: string, notify: Notify): Promise<void> {
  const copied = await copyAnnotationLink(id);
  notify(copied ? `Link copied: ${copied}` : `Copy this link by hand: ${annotationLink(id)}`);
}

/**
 * Opens a linked annotation: its document, scrolled to it and focused. An annotation of another
 * archive (or deleted since) is not here: the message says so.
 */
export async function openLinkedAnnotation(
  client: CasefileClient,
  id: string,
  { show, notify }: { show(annotation: AnchoredAnnotation): void | Promise<void>; notify: Notify },
): Promise<void> {
  const annotation = (await client.call('listAnnotations', {})).find((a) => a.id === id);
  if (!annotation) return notify('The linked highlight is not in the open archive (deleted, or made in another archive).');
  await show(annotation);
}

/**
 * Follows links to annotations: the page's route `#/annotation/<id>` (at load and when it changes),
 * and in Electron each `casefile://annotation/<id>` the system hands to the app. The route is taken
 * out of the address once followed, so the same link followed again opens it again.
 */
export function useAnnotationLinks(open: (id: string) => void): void {
  const follow = useEffectEvent((id: string) => open(id));
  useEffect(() => {
    const fromRoute = () => {
      const id = annotationIdFromRoute(window.location.hash);
      if (id === null) return;
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
      follow(id);
    };
    fromRoute();
    window.addEventListener('hashchange', fromRoute);
    const stopLinks = window.casefile?.onOpenAnnotation((id) => follow(id));
    return () => {
      window.removeEventListener('hashchange', fromRoute);
      stopLinks?.();
    };
  }, []);
}
