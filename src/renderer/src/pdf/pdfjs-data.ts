/// <reference types="vite/client" />

/**
 * pdf.js's character maps (CJK text in CID fonts) and standard fonts (the 14 fonts a PDF may name
 * without embedding), as the core passes them: the installed pdfjs-dist's files, bundled by Vite
 * and fetched from the app's own origin when a PDF needs one. This module is its own chunk, loaded
 * only then. Vite inlines a small file as a data: URL, which the page's `connect-src 'self'` would
 * not fetch: those are decoded here.
 */
const CMAPS = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*', { eager: true, query: '?url', import: 'default' });
const FONTS = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*', { eager: true, query: '?url', import: 'default' });

function byFileName(urls: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(urls).map(([file, url]) => [file.slice(file.lastIndexOf('/') + 1), url]));
}
const FILES: Record<string, Map<string, string>> = { cMapUrl: byFileName(CMAPS), standardFontDataUrl: byFileName(FONTS) };

/** The bytes of a bundled data file pdf.js asks for: `kind` as pdf.js names it, and the file's name. */
export async function bundledDataFile(kind: string, fileName: string): Promise<Uint8Array> {
  const url = FILES[kind]?.get(fileName);
  if (!url) throw new Error(`no bundled pdf.js data ${kind} ${fileName}`);
  if (url.startsWith('data:')) {
    const base64 = url.slice(url.indexOf(',') + 1);
    return Uint8Array.from(atob(decodeURIComponent(base64)), (c) => c.charCodeAt(0));
  }
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
