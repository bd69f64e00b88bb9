import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { CasefileError, errorMessage } from '../errors';
import { ReadLimitError, type Extracted } from './extracted';

/** A Word document whose XML parts inflate to more than this is not read (mammoth takes seconds per few MiB). */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;
/** A zip of more entries than this is no Word document a person wrote. */
export const MAX_ZIP_ENTRIES = 10_000;
export async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  const directory = zipDirectory(bytes);
  if (directory && directory.entries > MAX_ZIP_ENTRIES) throw new ReadLimitError(`a zip of ${directory.entries} parts (more than ${MAX_ZIP_ENTRIES})`);
  if (directory && directory.xmlBytes > MAX_DOCX_XML_BYTES) {
    throw new ReadLimitError(`its XML would inflate to ${mebibytes(directory.xmlBytes)} (more than ${mebibytes(MAX_DOCX_XML_BYTES)})`);
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const body = value.replace(/\n{3,}/g, '\n\n').trim();
    const text = [body, ...notesSections(bytes)].filter((part) => part !== '').join('\n\n');
    return { text, encoding: null, stated: {}, pages: null, note: null };
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable Word document (${errorMessage(error)})`);
  }
}

/** The parts that hold a document's notes, as Word, LibreOffice and Google Docs name them, and the heading each gets after the text. */
const NOTE_PARTS = [
  { part: 'word/footnotes.xml', element: 'footnote', heading: 'Footnotes' },
  { part: 'word/endnotes.xml', element: 'endnote', heading: 'Endnotes' },
  { part: 'word/comments.xml', element: 'comment', heading: 'Comments' },
] as const;

/**
 * Footnotes, endnotes and comments, which mammoth's raw text leaves out: one section per kind that
 * has any, a heading and then the notes numbered in their order, each comment with its author.
 * Only these parts are inflated; the zip's sizes were checked before.
 */
function notesSections(bytes: Uint8Array): string[] {
  const wanted = new Set<string>(NOTE_PARTS.map(({ part }) => part));
  const parts = unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
  const sections: string[] = [];
  for (const { part, element, heading } of NOTE_PARTS) {
    if (!parts[part]) continue;
    const notes = notesIn(strFromU8(parts[part]), element);
    if (notes.length === 0) continue;
    const numbered = notes.map(({ author, paragraphs }, i) => {
      const [first, ...rest] = paragraphs;
      return [`${i + 1}. ${author ? `${author}: ` : ''}${first}`, ...rest].join('\n\n');
    });
    sections.push([heading, ...numbered].join('\n\n'));
  }
  return sections;
}

/** The notes (`w:footnote`, `w:endnote`, `w:comment`) of a part with text, without Word's separator pseudo-notes. */
function notesIn(xml: string, element: string): { author: string | null; paragraphs: string[] }[] {
  const notes: { author: string | null; paragraphs: string[] }[] = [];
  const pattern = new RegExp(`<(?:\\w+:)?${element}\\b([^>]*)>([\\s\\S]*?)</(?:\\w+:)?${element}>`, 'g');
  for (const [, attributes, content] of xml.matchAll(pattern)) {
    const type = attribute(attributes, 'type');
    if (type !== null && type !== 'normal') continue;
    const paragraphs = content.split(/<\/(?:\w+:)?p>/).map(paragraphText).filter((paragraph) => paragraph !== '');
    if (paragraphs.length > 0) notes.push({ author: attribute(attributes, 'author'), paragraphs });
  }
  return notes;
}

/** The text of a WordprocessingML paragraph: its `w:t` runs, tabs and breaks; paragraph properties (tab stops) and deleted text left out. */
function paragraphText(xml: string): string {
  const runs = xml.replace(/<(\w+:)?pPr\b[\s\S]*?<\/\1pPr>/g, '');
  let text = '';
  for (const [token, content] of runs.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>|<(?:\w+:)?(?:tab|br|cr)\b[^>]*\/>/g)) {
    if (content !== undefined) text += xmlText(content);
    else text += /^<(?:\w+:)?tab\b/.test(token) ? '\t' : '\n';
  }
  return text.trim();
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}="([^"]*)"`).exec(attributes);
  return match ? xmlText(match[1]) : null;
}

/** XML character data with its five entities and character references resolved. */
function xmlText(data: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return data.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
    if (hex ?? decimal) {
      const code = hex ? parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return name && Object.hasOwn(named, name) ? named[name] : entity;
  });
}

function mebibytes(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MiB` : 'more than 4 GiB';
}

/**
 * How many entries a zip has and what its XML parts inflate to, as its central directory states
 * (nothing is inflated); null when there is no plain directory to read (not a zip, or Zip64), and
 * the reader then finds out. A directory may understate sizes: the reading thread's memory limit is
 * the guard for that.
 */
function zipDirectory(bytes: Uint8Array): { entries: number; xmlBytes: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  // The end record is the last 22 bytes, before a comment of at most 65,535.
  let end = bytes.byteLength - 22;
  const earliest = Math.max(0, end - 65_535);
  while (end >= earliest && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < earliest) return null;
  const entries = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) return null;
  let xmlBytes = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, bytes.byteLength - at - 46)).toString('latin1');
    // 0xffffffff defers to a Zip64 field: at least 4 GiB.
    if (/\.(?:xml|rels)$/i.test(name)) xmlBytes += size === 0xffffffff ? Infinity : size;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, xmlBytes };
}

