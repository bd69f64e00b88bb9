import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/archive/formats';
import type { Workstation } from '../../src/core/workstation';
import { readPdf } from '../helpers/pdf-read';
import { makeBench, tempDirsPerTest } from '../helpers/workstation';
import { ACTIVE_ELEMENTS, activeAttributes, XSS_VECTORS, type InspectableElement } from '../helpers/xss-vectors';

const temp = tempDirsPerTest('casefile-xss-exports-');
const DOC = 'hostile.txt';
const TEXT = ['Hostile article', '', ...XSS_VECTORS].join('\n');

/**
 * A permissive Markdown viewer: raw HTML on, bare addresses made links, and every link scheme
 * allowed, so that only the export's own escaping stands between a note and markup.
 */
function permissiveMarkdown(markdown: string): InspectableElement {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.validateLink = () => true;
  const { document } = parseHTML(`<!doctype html><html><body>${md.render(markdown)}</body></html>`);
  return document.body as unknown as InspectableElement;
}

/** Text compared without the Markdown emphasis characters, which a viewer may consume as markup. */
const plain = (text: string) => text.replace(/[*_]/g, '');

/** An archive with one article holding every vector as text, each annotated with it as note, tag and commentary. */
async function hostileDossier(): Promise<{ ws: Workstation; dossierId: string }> {
  const bench = await makeBench(temp.make, { [DOC]: TEXT });
  const ws = await bench.open();
  const dossier = await ws.dossiers.create('Hostile dossier', { introduction: XSS_VECTORS.join('\n\n') });
  for (const vector of XSS_VECTORS) {
    const created = await ws.annotations.annotateQuote({ docId: DOC, quote: vector, note: `Note: ${vector}`, tags: [vector.slice(0, 100)] });
    await ws.dossiers.add(dossier.id, created.id, undefined, `Commentary: ${vector}`);
  }
  return { ws, dossierId: dossier.id };
}

describe('exports carry hostile content as text', () => {
  it(`Markdown (annotations and dossier): ${XSS_VECTORS.length} vectors in quotes, notes, tags, commentary and introduction render to no markup, link or image`, async () => {
    const { ws, dossierId } = await hostileDossier();
    try {
      const annotations = (await ws.exportAnnotations('md', 'document')).content;
      const dossier = new TextDecoder().decode((await ws.dossiers.export(dossierId, 'md')).bytes);
      for (const markdown of [annotations, dossier]) {
        const rendered = permissiveMarkdown(markdown);
        expect(Array.from(rendered.querySelectorAll(ACTIVE_ELEMENTS), (e) => e.outerHTML)).toEqual([]);
        expect(activeAttributes(rendered)).toEqual([]);
        for (const vector of XSS_VECTORS) expect(plain(rendered.textContent ?? '')).toContain(plain(`Note: ${vector}`));
      }
      const rendered = plain(permissiveMarkdown(dossier).textContent ?? '');
      for (const vector of XSS_VECTORS) expect(rendered).toContain(plain(`Commentary: ${vector}`));
    } finally {
      await ws.close();
    }
  });

  it('the dossier PDF: notes shown as text, and no JavaScript, URI or launch action anywhere', async () => {
    const { ws, dossierId } = await hostileDossier();
    try {
      const bytes = (await ws.dossiers.export(dossierId, 'pdf')).bytes;
      const read = await readPdf(bytes);
      const notes = read.pages.flatMap((p) => p.annotations).map((a) => a.contentsObj?.str ?? '');
      for (const vector of XSS_VECTORS) expect(notes.some((n) => n.includes(`Note: ${vector}`))).toBe(true);
      const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
      try {
        expect(await pdf.getJSActions()).toBeNull();
        expect(await pdf.getOpenAction()).toBeNull();
        for (let n = 1; n <= pdf.numPages; n++) {
          for (const annotation of (await (await pdf.getPage(n)).getAnnotations()) as Array<Record<string, unknown>>) {
            // The only widget is the invisible signature field (the PDF is signed by default).
            if (annotation.subtype === 'Widget') expect(annotation.fieldType).toBe('Sig');
            else expect(['Link', 'Highlight', 'Popup']).toContain(annotation.subtype);
            expect(annotation.url ?? annotation.unsafeUrl ?? annotation.action ?? annotation.actions ?? null).toBeNull();
          }
        }
      } finally {
        await pdf.destroy();
      }
    } finally {
      await ws.close();
    }
  });
});

describe('HTML sources are read as data', () => {
  it('runs none of the vectors while reading a saved page, and keeps their text as text', async () => {
    const page = `<!doctype html><html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1><p>The xenolith collection was catalogued in March.</p>${XSS_VECTORS.map((v) => `<p>${v}</p>`).join('')}</article></body></html>`;
    const globals = globalThis as { __xss?: unknown; alert?: unknown };
    const alerts: unknown[] = [];
    globals.alert = (value: unknown) => alerts.push(value);
    try {
      const { text } = await extract('html', new TextEncoder().encode(page));
      expect(text).toContain('The xenolith collection was catalogued in March.');
      expect(text).toContain('click me');
      expect(text).not.toContain('window.__xss=1;');
      expect(globals.__xss).toBeUndefined();
      expect(alerts).toEqual([]);
    } finally {
      delete globals.alert;
    }
  });
});
