import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF with this title and these pages, each a few lines of Helvetica text (a text layer pdf.js reads). */
export async function pdfWithPages(title: string, pages: ReadonlyArray<readonly string[]>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.setTitle(title);
  for (const lines of pages) {
    const page = pdf.addPage();
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 20, size: 12, font }));
  }
  return pdf.save();
}
