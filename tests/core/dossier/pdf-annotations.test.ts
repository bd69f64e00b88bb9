import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  rgb,
  type PDFObject,
} from 'pdf-lib';
import { addHighlight, addLink, writeOutline } from '../../../src/core/dossier/pdf-annotations';
import { HIGHLIGHT_OPACITY } from '../../../src/core/dossier/pdf-writer';
import { quadBoxes, readPdf } from '../../helpers/pdf-read';
import { tempDirs } from '../../helpers/temp-dir';
import { makeFixture, type Fixture } from './dossier-fixture';

const num = (o: PDFObject | undefined) => (o as PDFNumber).asNumber();
const nums = (o: PDFObject | undefined) => (o as PDFArray).asArray().map(num);
const text = (o: PDFObject | undefined) => (o instanceof PDFHexString || o instanceof PDFString ? o.decodeText() : undefined);

describe('annotations added to a page', () => {
  it('are appended to the annotations the page already has, even behind a reference', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([300, 300]);
    const existing = pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: PDFHexString.fromText('already here') }));
    page.node.set(PDFName.of('Annots'), pdf.context.register(pdf.context.obj([existing])));
    const other = pdf.addPage([300, 300]);
    addHighlight(pdf, page, {
      quads: [{ x0: 20, x1: 120, bottom: 100, top: 112 }],
      color: rgb(1, 0.8, 0),
      opacity: 0.35,
      contents: 'a note',
      author: 'Ainur',
      name: 'one',
      subject: 'Quote [1]',
      date: new Date(Date.UTC(2024, 0, 2)),
    });
    addLink(pdf, page, { x0: 10, y0: 200, x1: 60, y1: 212 }, { page: other, top: 280 });

    const read = await readPdf(await pdf.save());
    expect(read.pages[0].annotations.map((a) => a.subtype).sort()).toEqual(['Highlight', 'Link', 'Popup', 'Text']);
    expect(read.pages[0].annotations.find((a) => a.subtype === 'Text')?.contentsObj?.str).toBe('already here');
    const link = read.pages[0].annotations.find((a) => a.subtype === 'Link')!;
    expect([link.destPage, link.destTop]).toEqual([2, 280]);
  });

  it('write the outline as linked items with counts', async () => {
    const pdf = await PDFDocument.create();
    const [a, b, c] = [pdf.addPage(), pdf.addPage(), pdf.addPage()];
    writeOutline(pdf, [
      { title: 'One', dest: { page: a, top: 700 } },
      { title: 'Two', dest: { page: b, top: 700 }, children: [{ title: 'Два · Қазақ', dest: { page: c, top: 500 } }] },
    ]);
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(num(outlines.get(PDFName.of('Count')))).toBe(3);
    const first = outlines.lookup(PDFName.of('First'), PDFDict);
    const last = outlines.lookup(PDFName.of('Last'), PDFDict);
    expect(first.lookup(PDFName.of('Next'))).toBe(last);
    expect(last.lookup(PDFName.of('Prev'))).toBe(first);
    expect(first.get(PDFName.of('Parent'))).toBe(pdf.catalog.get(PDFName.of('Outlines')));
    expect(num(last.get(PDFName.of('Count')))).toBe(1);
    expect(pdf.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));

    const read = await readPdf(await pdf.save());
    expect(read.outline).toEqual([
      { title: 'One', page: 1, top: 700, children: [] },
      { title: 'Two', page: 2, top: 700, children: [{ title: 'Два · Қазақ', page: 3, top: 500, children: [] }] },
    ]);
  });
});

describe('the Highlight annotations of an exported dossier, as written', () => {
  const temp = tempDirs('casefile-pdf-annots-');
  let fx: Fixture;
  let doc: PDFDocument;
  const highlights: Array<{ ref: PDFRef; dict: PDFDict; annots: PDFArray }> = [];

  beforeAll(async () => {
    fx = await makeFixture(temp.make);
    doc = await PDFDocument.load(fx.bytes);
    for (const page of doc.getPages()) {
      const annots = page.node.Annots();
      for (const ref of annots?.asArray() ?? []) {
        const dict = doc.context.lookup(ref, PDFDict);
        if (dict.get(PDFName.of('Subtype')) === PDFName.of('Highlight')) highlights.push({ ref: ref as PDFRef, dict, annots: annots! });
      }
    }
  });

  afterAll(async () => {
    await fx?.ws.close();
    await temp.cleanup();
  });

  it('has one per quote, named by the annotation id, with author, date, note and subject', () => {
    expect(highlights).toHaveLength(fx.annotations.length);
    const names = highlights.map((h) => text(h.dict.get(PDFName.of('NM'))));
    expect(new Set(names)).toEqual(new Set(fx.annotations.map((a) => a.id)));
    for (const { dict } of highlights) {
      const a = fx.annotations.find((x) => x.id === text(dict.get(PDFName.of('NM'))))!;
      expect(text(dict.get(PDFName.of('Contents')))).toContain(a.note);
      expect(text(dict.get(PDFName.of('T')))).toBe('Ainur Qasymova');
      expect(text(dict.get(PDFName.of('Subj')))).toBe(`Quote [${fx.annotations.indexOf(a) + 1}]`);
      expect(text(dict.get(PDFName.of('M')))).toBe('D:20240501093000Z');
      expect(num(dict.get(PDFName.of('CA')))).toBeCloseTo(HIGHLIGHT_OPACITY);
      expect(num(dict.get(PDFName.of('F')))).toBe(4); // printed
    }
  });

  it('orders each quad top-left, top-right, bottom-left, bottom-right, inside a /Rect that bounds them', () => {
    for (const { dict } of highlights) {
      const boxes = quadBoxes(nums(dict.get(PDFName.of('QuadPoints'))));
      const [x0, y0, x1, y1] = nums(dict.get(PDFName.of('Rect')));
      expect(x0).toBe(Math.min(...boxes.map((b) => b.x0)));
      expect(y0).toBe(Math.min(...boxes.map((b) => b.y0)));
      expect(x1).toBe(Math.max(...boxes.map((b) => b.x1)));
      expect(y1).toBe(Math.max(...boxes.map((b) => b.y1)));
    }
  });

  it('draws its own appearance: a form over /Rect filling the quads in the colour, multiplied at the opacity', () => {
    for (const { dict } of highlights) {
      const ap = dict.lookup(PDFName.of('AP'), PDFDict);
      const stream = ap.lookup(PDFName.of('N'));
      if (!(stream instanceof PDFRawStream)) throw new Error('the appearance is not a stream');
      expect(stream.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('Form'));
      expect(nums(stream.dict.get(PDFName.of('BBox')))).toEqual(nums(dict.get(PDFName.of('Rect'))));
      const gs = stream.dict.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('ExtGState'), PDFDict).lookup(PDFName.of('GS0'), PDFDict);
      expect(gs.get(PDFName.of('BM'))).toBe(PDFName.of('Multiply'));
      expect(num(gs.get(PDFName.of('ca')))).toBeCloseTo(HIGHLIGHT_OPACITY);
      const content = Buffer.from(stream.contents).toString('latin1');
      const color = nums(dict.get(PDFName.of('C')));
      expect(content).toContain(`${color.join(' ')} rg`);
      const quads = quadBoxes(nums(dict.get(PDFName.of('QuadPoints'))));
      expect(content.match(/ re/g)).toHaveLength(quads.length);
      expect(content.trim().endsWith('f')).toBe(true);
    }
  });

  it('has a closed popup on the same page whose /Parent is the highlight', () => {
    for (const { ref, dict, annots } of highlights) {
      const popupRef = dict.get(PDFName.of('Popup')) as PDFRef;
      const popup = doc.context.lookup(popupRef, PDFDict);
      expect(popup.get(PDFName.of('Subtype'))).toBe(PDFName.of('Popup'));
      expect(popup.get(PDFName.of('Parent'))).toBe(ref);
      expect(popup.get(PDFName.of('Open'))).toBe(PDFBool.False);
      expect(annots.asArray()).toContain(popupRef);
      expect(annots.asArray()).toContain(ref);
    }
  });
});
