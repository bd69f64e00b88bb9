import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Small files that cost a reader far more than their size: generated here, never committed. Each
 * stays around a megabyte or less on disk.
 */

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT_START = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_END = '</w:body></w:document>';

interface ZipPart {
  name: string;
  /** The part's bytes, given in pieces (so that a huge part is never held whole). */
  pieces: () => Iterable<Buffer>;
  /** What the central directory states as the uncompressed size; the true size unless lying. */
  statedSize?: number;
}

/**
 * A Word document whose document.xml inflates to `inflatedBytes` (repeated paragraphs). With
 * `statedSize`, the zip's directory states that size for document.xml instead of the true one,
 * as a forged file may.
 */
export async function bombDocx(inflatedBytes: number, statedSize?: number): Promise<Buffer> {
  const paragraph = '<w:p><w:r><w:t>Tokayev spoke.</w:t></w:r></w:p>';
  const chunk = Buffer.from(paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length)));
  const bodyBytes = Math.max(0, inflatedBytes - DOCUMENT_START.length - DOCUMENT_END.length);
  function* document(): Iterable<Buffer> {
    yield Buffer.from(DOCUMENT_START);
    let left = bodyBytes - (bodyBytes % paragraph.length);
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      yield piece;
    }
    yield Buffer.from(DOCUMENT_END);
  }
  return zip([
    { name: '[Content_Types].xml', pieces: () => [Buffer.from(CONTENT_TYPES)] },
    { name: '_rels/.rels', pieces: () => [Buffer.from(RELS)] },
    { name: 'word/document.xml', pieces: document, statedSize },
  ]);
}

/** A zip archive (deflated entries), written by hand so that a part can be streamed and its size stated falsely. */
async function zip(parts: ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    let crc = 0;
    let size = 0;
    const deflate = createDeflateRaw({ level: 9 });
    const compressed: Buffer[] = [];
    deflate.on('data', (data: Buffer) => compressed.push(data));
    const finished = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
    for (const piece of part.pieces()) {
      crc = crc32(piece, crc);
      size += piece.length;
      if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await finished;
    const data = Buffer.concat(compressed);
    const name = Buffer.from(part.name);
    const stated = part.statedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(stated, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(stated, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A PDF of numbered objects (1 is the catalog), with a correct cross-reference table. */
export function pdf(objects: Array<string | Buffer>): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let length = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\nendobj\n')]);
    chunks.push(bytes);
    length += bytes.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

/**
 * A PDF of a couple of kilobytes whose page tree has `fanOut ** levels` pages: every node of the
 * tree names the same node below it `fanOut` times.
 */
export function pageTreeBombPdf(levels = 6, fanOut = 10): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level < levels; level++) {
    const self = objects.length + 1;
    const kids = Array.from({ length: fanOut }, () => `${self + 1} 0 R`).join(' ');
    const parent = level === 0 ? '' : ` /Parent ${self - 1} 0 R`;
    objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${fanOut ** (levels - level)}${parent} >>`);
  }
  const leaf = objects.length + 1;
  objects.push(`<< /Type /Page /Parent ${leaf - 1} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${leaf + 1} 0 R >> >> /Contents ${leaf + 2} 0 R >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const content = 'BT /F1 12 Tf 72 720 Td (Page text) Tj ET';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  return pdf(objects);
}

/** A one-page PDF whose content stream is `inflatedBytes` of spaces, deflated (a megabyte on disk per gigabyte). */
export async function streamBombPdf(inflatedBytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (data: Buffer) => compressed.push(data));
  const finished = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let left = inflatedBytes; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  // FlateDecode is zlib-wrapped: a two-byte header before the raw deflate data (the checksum after it is not checked).
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), ...compressed, Buffer.alloc(4)]);
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream')]),
  ]);
}

/** An HTML page of `pairs` unclosed `<b><i>` pairs, each with a word: nested twice as deep as `pairs`. */
export function unclosedTagsHtml(pairs: number): string {
  return `<!doctype html><html><head><title>Nested</title></head><body>${'<b><i>word '.repeat(pairs)}</body></html>`;
}

/** One line of `bytes` bytes of words and no line break. */
export function oneLineText(bytes: number): string {
  const words = 'Tokayev spoke in Almaty about the protests ';
  return words.repeat(Math.ceil(bytes / words.length)).slice(0, bytes);
}
