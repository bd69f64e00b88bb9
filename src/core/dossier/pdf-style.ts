import { rgb, type PDFFont, type RGB } from 'pdf-lib';
import type { HighlightColor } from '../annotations/model';

/** A4 in points. */
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 76, bottom: 74, left: 78, right: 78 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Where the text of a block quote, its note and citation begin (the bar stands at the margin). */
export const QUOTE_INDENT = 15;

export const INK = rgb(0.11, 0.11, 0.13);
export const MUTED = rgb(0.4, 0.4, 0.44);
export const RULE = rgb(0.8, 0.8, 0.83);
/** Text that is a link (a page reference). */
export const LINK = rgb(0.13, 0.31, 0.58);

/** Highlight colours as the reader draws them: the bar of a quote, the /C of its highlight. */
export const HIGHLIGHT_RGB: Record<HighlightColor, RGB> = {
  yellow: rgb(0.96, 0.77, 0.09),
  green: rgb(0.3, 0.69, 0.31),
  blue: rgb(0.25, 0.52, 0.9),
  pink: rgb(0.91, 0.35, 0.6),
  orange: rgb(0.96, 0.5, 0.13),
};
/** Opacity of a highlight over the text (multiplied, so the text stays black). */
export const HIGHLIGHT_OPACITY = 0.35;

export interface Fonts {
  regular: PDFFont;
  italic: PDFFont;
  bold: PDFFont;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  /** Height of one line. */
  leading: number;
  color: RGB;
}

/** Baseline of a line of `style` whose line box starts at `top`: the letters centred in the box. */
export function baselineIn(style: TextStyle, top: number): number {
  return top - style.leading / 2 - style.size * 0.3;
}

export function stylesOf(fonts: Fonts) {
  const s = (font: PDFFont, size: number, leading: number, color: RGB = INK): TextStyle => ({ font, size, leading, color });
  return {
    coverLabel: s(fonts.bold, 9.5, 14, MUTED),
    coverTitle: s(fonts.bold, 27, 34),
    coverMeta: s(fonts.regular, 12, 18),
    coverMethod: s(fonts.italic, 9.5, 14, MUTED),
    partLabel: s(fonts.bold, 8.5, 13, MUTED),
    heading: s(fonts.bold, 18, 24),
    subheading: s(fonts.bold, 14.5, 19),
    body: s(fonts.regular, 10.5, 15.5),
    quote: s(fonts.regular, 11, 16),
    number: s(fonts.bold, 9, 16, MUTED),
    note: s(fonts.italic, 10, 14.5),
    noteLabel: s(fonts.bold, 10, 14.5),
    small: s(fonts.regular, 9, 13, MUTED),
    smallBold: s(fonts.bold, 9, 13, MUTED),
    citation: s(fonts.regular, 8.5, 12, MUTED),
    link: s(fonts.regular, 8.5, 12, LINK),
    source: s(fonts.regular, 10, 14.5),
    margin: s(fonts.regular, 7.5, 14.5, MUTED),
    tocEntry: s(fonts.regular, 11, 16),
    tocPart: s(fonts.bold, 11, 16),
    tocSub: s(fonts.regular, 10, 14),
    running: s(fonts.regular, 8, 10, MUTED),
    runningItalic: s(fonts.italic, 8, 10, MUTED),
  };
}
export type Styles = ReturnType<typeof stylesOf>;
