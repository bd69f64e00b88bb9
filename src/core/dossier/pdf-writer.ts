import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { PDFDocument, PDFHexString, type PDFFont } from 'pdf-lib';
import type { DossierFonts } from './fonts';
import { manifestOf, MANIFEST_FILE_NAME, type DossierContent } from './model';
import { drawCover, layoutIntroduction, layoutSections } from './pdf-body';
import { layoutContents, writeContentsOutline } from './pdf-contents';
import { countOf, DossierPdf } from './pdf-document';
import { layoutBibliography, layoutSources } from './pdf-sources';
import type { Fonts } from './pdf-style';

export { METHOD_STATEMENT } from './pdf-body';
export { HIGHLIGHT_OPACITY, HIGHLIGHT_RGB } from './pdf-style';

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '“”‘’–—…·¶';

/**
 * Writes the dossier as a PDF: a cover, the contents (linked, and as the outline), the introduction,
 * each section's quotes as block quotes with notes and citations, the sources appendix (each cited
 * article's full text with every quoted passage marked by a native Highlight annotation), a
 * bibliography; document metadata, and the manifest attached for `casefile verify`.
 */
export async function writeDossierPdf(content: DossierContent, fontFiles: DossierFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts = await embedFonts(pdf, fontFiles, content);
  const doc = new DossierPdf(pdf, content, fonts);
  setMetadata(doc);

  drawCover(doc);
  const body = doc.appendingFlow();
  layoutIntroduction(doc, body);
  layoutSections(doc, body);
  layoutSources(doc, body);
  layoutBibliography(doc, body);
  body.settle();
  layoutContents(doc);
  doc.finish();
  writeContentsOutline(doc);

  const manifest = new TextEncoder().encode(JSON.stringify(manifestOf(content)));
  await pdf.attach(manifest, MANIFEST_FILE_NAME, {
    mimeType: 'application/json',
    description: 'Casefile manifest: every quote with its document id, character offsets, exact text and the source’s SHA-256, for “casefile verify”',
    creationDate: content.created,
    modificationDate: content.created,
  });
  return pdf.save();
}

/**
 * No OpenType shaping: every character is drawn as its own glyph. Ligatures off, so "fi" comes back
 * out of the PDF as two letters, exactly as quoted; no substitution at all, so a string is as wide as
 * its characters (what the line breaking and the highlight boxes measure). pdf-lib draws no kerning
 * or mark positioning in any case, so turning those off changes nothing on the page.
 */
const NO_SHAPING = Object.fromEntries(
  ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'frac', 'numr', 'dnom', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'].map(
    (tag) => [tag, false],
  ),
);

/**
 * fontkit's own subsetter (pdf-lib's `subset: true`) drops glyph outlines of Noto Serif, so the fonts
 * are cut down with HarfBuzz to the characters this dossier uses and embedded as they are.
 */
async function embedFonts(pdf: PDFDocument, fontFiles: DossierFonts, content: DossierContent): Promise<Fonts> {
  const characters = `${PRINTABLE_ASCII}${JSON.stringify(content)}`;
  const [regular, italic, bold] = await Promise.all(
    [fontFiles.regular, fontFiles.italic, fontFiles.bold].map((bytes) => subsetFont(Buffer.from(bytes), characters, { targetFormat: 'truetype' })),
  );
  // Embedded one after the other, so the objects are numbered the same way on every run.
  const embed = async (bytes: Uint8Array) => encodeByCharacter(await pdf.embedFont(bytes, { subset: false, features: NO_SHAPING }));
  return { regular: await embed(regular), italic: await embed(italic), bold: await embed(bold) };
}

const VARIATION_SELECTOR = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/u;

/**
 * Without shaping, a string's glyphs are its characters' glyphs: each character is encoded once
 * (through pdf-lib) and remembered, instead of running fontkit's layout over every line drawn. A
 * variation selector (which picks the glyph of the character before it) takes the full path.
 */
function encodeByCharacter(font: PDFFont): PDFFont {
  const encode = font.encodeText.bind(font);
  const glyphs = new Map<string, string>();
  font.encodeText = (text: string) => {
    if (VARIATION_SELECTOR.test(text)) return encode(text);
    let hex = '';
    for (const character of text) {
      let glyph = glyphs.get(character);
      if (glyph === undefined) {
        glyph = encode(character).asString();
        glyphs.set(character, glyph);
      }
      hex += glyph;
    }
    return PDFHexString.of(hex);
  };
  return font;
}

function setMetadata(doc: DossierPdf): void {
  const { pdf, content, quotes } = doc;
  pdf.setTitle(content.title, { showInWindowTitleBar: true });
  pdf.setAuthor(content.author);
  pdf.setSubject(`${countOf(quotes.length, 'quote')} from ${countOf(content.sources.length, 'archived source')}, verbatim, with notes and citations`);
  pdf.setKeywords(['Casefile', 'dossier', ...new Set(quotes.flatMap((q) => q.tags))]);
  pdf.setProducer('Casefile (pdf-lib)');
  pdf.setCreator('Casefile');
  pdf.setCreationDate(content.created);
  pdf.setModificationDate(content.created);
}
