import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { AnchoredAnnotation, ArchiveDocument, TextSpan } from '../../../core/api/types';
import { useT } from '../i18n';
import { fetchOriginal } from '../links/original-file';
import { loadPdfjs, openPdf } from '../pdf/pdfjs';
import { collapseSpace, placeOnPage, placeSelection, quoteOfCollapsed, type Collapsed } from '../pdf/text-anchor';
import type { HighlightDraft } from './DraftEditor';
import { HighlightToolbar, type SelectionBox } from './HighlightToolbar';
import type { TagCounts } from './TagInput';

interface Props {
  document: ArchiveDocument;
  annotations: AnchoredAnnotation[];
  knownTags: TagCounts;
  onCreate(draft: HighlightDraft & { start: number; end: number }): Promise<void>;
}

/** A page's size in CSS pixels at the scale it is drawn. */
interface PageSize {
  width: number;
  height: number;
}

/** The widest a page is drawn (CSS pixels), and how much of the window's width it may take. */
const MAX_PAGE_WIDTH = 900;

type Loaded = { pdf: PDFDocumentProxy; scale: number; size: PageSize } | { error: string } | null;

/**
 * A PDF source as its pages: each drawn by pdf.js when it comes near the view (and let go when it
 * is far), with pdf.js's text layer over it so its words can be selected. A selection is placed in
 * the archived text by the project's anchoring (its words and the words around them, never a
 * look-alike) and becomes a highlight as one made in the text does; one that cannot be placed
 * unambiguously is refused, visibly. The document's highlights are drawn over the pages where
 * their words are found in a page's text.
 */
export function PdfPages({ document: doc, annotations, knownTags, onCreate }: Props) {
  const t = useT().reader.pageView.pdf;
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [pending, setPending] = useState<{ start: number; end: number; anchor: SelectionBox } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const docText = useMemo(() => collapseSpace(doc.text), [doc.text]);

  useEffect(() => {
    let pdf: PDFDocumentProxy | null = null;
    let cancelled = false;
    void (async () => {
      try {
        const fetched = await fetchOriginal(doc.id);
        if ('error' in fetched) throw new Error(fetched.error);
        pdf = await openPdf(fetched.bytes);
        if (cancelled) return;
        const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
        const room = Math.min(MAX_PAGE_WIDTH, (region.current?.clientWidth ?? MAX_PAGE_WIDTH) - 32);
        const scale = Math.max(0.5, room / first.width);
        if (!cancelled) setLoaded({ pdf, scale, size: { width: first.width * scale, height: first.height * scale } });
      } catch (error) {
        if (!cancelled) setLoaded({ error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      void pdf?.destroy();
    };
  }, [doc.id]);

  /** The passage selected on a page now, placed in the document's text (or why not). */
  const takeSelection = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const layer = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>('.pdf-text-layer');
    const pageNumber = Number(layer?.closest<HTMLElement>('.pdf-page')?.dataset.page);
    const span = doc.pages?.[pageNumber - 1];
    if (!layer || !span) return;
    const { text, offsets } = layerText(layer, range);
    if (!offsets) return;
    const quoted = quoteOfCollapsed(text, text.to[offsets.start], text.to[offsets.end - 1] + 1);
    if (!quoted) return;
    const place = placeSelection(docText, quoted.quote, span.start);
    if ('refused' in place) {
      setPending(null);
      setRefusal(place.refused === 'ambiguous' ? t.ambiguous : t.absent);
      return;
    }
    const rect = range.getBoundingClientRect();
    setRefusal(null);
    setPending({ ...place.placed, anchor: { top: rect.top, bottom: rect.bottom, left: rect.left } });
  };

  const save = async (draft: HighlightDraft) => {
    if (!pending) return;
    await onCreate({ ...draft, start: pending.start, end: pending.end });
    setPending(null);
    window.getSelection()?.removeAllRanges();
  };

  const shown = useMemo(() => annotations.filter((a) => a.current && a.status !== 'orphaned'), [annotations]);

  return (
    <div ref={region} className="pdf-pages" role="region" aria-label={t.region} tabIndex={0} onMouseUp={() => setTimeout(takeSelection, 0)}>
      {refusal && (
        <p className="pdf-refusal" role="alert">
          <span>{refusal}</span>
          <button type="button" onClick={() => setRefusal(null)}>
            {t.dismiss}
          </button>
        </p>
      )}
      {loaded === null && <p className="pdf-status muted">{t.loading}</p>}
      {loaded && 'error' in loaded && (
        <p className="pdf-status" role="alert">
          {t.failed(loaded.error)}
        </p>
      )}
      {loaded &&
        'pdf' in loaded &&
        Array.from({ length: loaded.pdf.numPages }, (_, i) => (
          <PdfPage
            key={i + 1}
            pdf={loaded.pdf}
            number={i + 1}
            scale={loaded.scale}
            estimate={loaded.size}
            document={doc}
            span={doc.pages?.[i] ?? null}
            annotations={shown}
          />
        ))}
      {pending && (
        <HighlightToolbar
          key={`${pending.start}:${pending.end}`}
          quote={doc.text.slice(pending.start, pending.end)}
          anchor={pending.anchor}
          knownTags={knownTags}
          focus={null}
          onCancel={() => {
            setPending(null);
            window.getSelection()?.removeAllRanges();
          }}
          onSave={save}
        />
      )}
    </div>
  );
}

/**
 * A text layer's text as one string (a line break where pdf.js put one), and where a range inside it
 * starts and ends in that string.
 */
function layerText(layer: HTMLElement, range?: Range): { text: Collapsed & { raw: string; nodes: Array<{ node: Text; at: number }> }; offsets: { start: number; end: number } | null } {
  let raw = '';
  const nodes: Array<{ node: Text; at: number }> = [];
  let start: number | null = null;
  let end: number | null = null;
  const walker = window.document.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof HTMLBRElement) raw += '\n';
    if (!(node instanceof Text)) continue;
    nodes.push({ node, at: raw.length });
    if (range?.intersectsNode(node)) {
      start ??= raw.length + (node === range.startContainer ? range.startOffset : 0);
      end = raw.length + (node === range.endContainer ? range.endOffset : node.length);
    }
    raw += node.data;
  }
  const offsets = start !== null && end !== null && end > start ? { start, end } : null;
  return { text: { ...collapseSpace(raw), raw, nodes }, offsets };
}

/** The client rectangles of [start, end) of a text layer's string, relative to `origin`. */
function rectsOf(nodes: Array<{ node: Text; at: number }>, start: number, end: number, origin: DOMRect): Array<{ left: number; top: number; width: number; height: number }> {
  const rects = [];
  for (const { node, at } of nodes) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + node.length);
    if (from >= to) continue;
    const range = window.document.createRange();
    range.setStart(node, from - at);
    range.setEnd(node, to - at);
    for (const r of range.getClientRects()) rects.push({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
  }
  return rects;
}

interface PageProps {
  pdf: PDFDocumentProxy;
  number: number;
  scale: number;
  /** The first page's size: the place kept for a page not drawn yet. */
  estimate: PageSize;
  document: ArchiveDocument;
  /** The page's part of the document's text; null if the archive has no pages for it. */
  span: TextSpan | null;
  annotations: AnchoredAnnotation[];
}

interface Mark {
  id: string;
  color: string;
  rects: Array<{ left: number; top: number; width: number; height: number }>;
}

/** One page: a place of its size; drawn with its text layer while near the view. */
function PdfPage({ pdf, number, scale, estimate, document: doc, span, annotations }: PageProps) {
  const t = useT().reader;
  const box = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [size, setSize] = useState<PageSize>(estimate);
  const [layerReady, setLayerReady] = useState(0);
  const [marks, setMarks] = useState<Mark[]>([]);

  // Near: within a window's height of the view; pages further off are not kept drawn.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => setNear(entry.isIntersecting), {
      root: element.closest('.page-view'),
      rootMargin: '100% 0px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const drawn = canvas.current;
    const words = layer.current;
    if (!near || !drawn || !words) return;
    let page: PDFPageProxy | null = null;
    let cancelled = false;
    let stop = () => {};
    void (async () => {
      page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale });
      if (cancelled) return;
      setSize({ width: viewport.width, height: viewport.height });
      const ratio = window.devicePixelRatio || 1;
      drawn.width = Math.floor(viewport.width * ratio);
      drawn.height = Math.floor(viewport.height * ratio);
      const drawing = page.render({ canvas: drawn, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const { TextLayer } = await loadPdfjs();
      const text = new TextLayer({ textContentSource: page.streamTextContent(), container: words, viewport });
      stop = () => {
        drawing.cancel();
        text.cancel();
      };
      await Promise.all([drawing.promise, text.render()]);
      if (!cancelled) setLayerReady((n) => n + 1);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      stop();
      words.replaceChildren();
      drawn.width = 0;
      setMarks([]);
      page?.cleanup();
    };
  }, [near, pdf, number, scale]);

  // The highlights on this page, found in its text layer once it is there.
  useEffect(() => {
    const element = layer.current;
    if (!layerReady || !element || !span || !box.current) return;
    const { nodes, ...pageText } = layerText(element).text;
    const origin = box.current.getBoundingClientRect();
    const found: Mark[] = [];
    for (const a of annotations) {
      const start = Math.max(a.current!.start, span.start);
      const end = Math.min(a.current!.end, span.end);
      if (start >= end) continue;
      const placed = placeOnPage(doc.text, span, pageText, start, end);
      if (placed) found.push({ id: a.id, color: a.color, rects: rectsOf(nodes, placed.start, placed.end, origin) });
    }
    setMarks(found);
  }, [layerReady, annotations, span, doc.text]);

  return (
    <section
      ref={box}
      className="pdf-page"
      data-page={number}
      aria-label={t.pageView.page(number)}
      style={{ width: size.width, height: size.height, '--total-scale-factor': scale } as CSSProperties}
    >
      {/* No pixels until drawn (a canvas is 300 × 150 by default), and none again once let go. */}
      <canvas ref={canvas} width={0} height={0} aria-hidden="true" />
      <div className="pdf-marks" aria-hidden="true">
        {marks.flatMap((mark) =>
          mark.rects.map((r, i) => (
            <div
              key={`${mark.id}-${i}`}
              className={`pdf-highlight hl-${mark.color}`}
              data-annotation={mark.id}
              title={t.highlightTitle(t.colors[mark.color as keyof typeof t.colors] ?? mark.color)}
              style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
            />
          )),
        )}
      </div>
      <div ref={layer} className="pdf-text-layer" />
    </section>
  );
}
