import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * pdf.js in the page, for drawing a PDF source's pages. Loaded when first needed (it is large, and
 * most sources are not PDFs).
 *
 * Its worker runs on the page's own thread: the app's Content-Security-Policy enforces Trusted
 * Types with no policy at all, so `new Worker(url)` is refused; pdf.js then uses the worker's
 * message handler in place (`globalThis.pdfjsWorker`), the same code, bundled by Vite as its own
 * chunk. Pages are drawn one at a time, only near the view, so the thread stays free enough.
 */
let loaded: Promise<typeof import('pdfjs-dist')> | null = null;

export function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist');
  })();
  return loaded;
}

/** pdf.js asks this for a character map or font by file name (its `BinaryDataFactory`). */
class BundledData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const { bundledDataFile } = await import('./pdfjs-data');
    return bundledDataFile(kind, filename);
  }
}

/**
 * Opens a PDF's bytes for drawing, as the core opens one for reading: no script evaluation, no
 * WebAssembly (the page's policy allows none), fonts drawn as paths; character maps packed.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  return pdfjs.getDocument({
    data: bytes,
    // Names only: pdf.js asks BundledData for the files, never these as URLs.
    cMapUrl: 'bundled/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled/',
    BinaryDataFactory: BundledData,
    useWorkerFetch: false,
    useWasm: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}
