import type { PDFFont } from 'pdf-lib';

/**
 * Greedy line breaking at spaces. Explicit line breaks in the text are kept; a word wider than the
 * line is broken between characters rather than running off the page.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, ' ').split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > maxWidth && line.length > 1) {
        const cut = longestFittingPrefix(line, font, size, maxWidth);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

function longestFittingPrefix(word: string, font: PDFFont, size: number, maxWidth: number): number {
  const chars = Array.from(word);
  let length = 0;
  let fitted = 1;
  for (let i = 0; i < chars.length; i++) {
    length += chars[i].length;
    if (font.widthOfTextAtSize(word.slice(0, length), size) > maxWidth) break;
    fitted = length;
  }
  return Math.max(fitted, chars[0].length);
}
