import { crc32 } from 'node:zlib';
import type { CompactIndex } from './compact-index';

const MAGIC = 'CASEFILE-SEGMENT';
const ALIGN = 8;

/**
 * One file of the index cache: magic, header length, a JSON header (the caller's, plus the compact
 * index's term list, fields and section sizes with a CRC-32 of the binary part), then the sections.
 */
export function encodeSegmentFile(header: object, compact: CompactIndex): Uint8Array {
  const sections = [compact.postingOffsets, compact.postings];
  const binary = concat(sections.map((s) => new Uint8Array(s.buffer, s.byteOffset, s.byteLength)));
  const head = new TextEncoder().encode(
    JSON.stringify({
      ...header,
      fields: compact.fields,
      terms: compact.terms,
      sections: sections.map((s) => s.byteLength),
      crc32: crc32(binary),
    }),
  );
  const prefix = MAGIC.length + 4;
  const padded = Math.ceil((prefix + head.length) / ALIGN) * ALIGN;
  const out = new Uint8Array(padded + binary.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, head.length, true);
  out.set(head, prefix);
  out.fill(0x20, prefix + head.length, padded);
  out.set(binary, padded);
  return out;
}

/** The header and compact index of a cache file; throws on anything damaged. */
export function decodeSegmentFile(file: Uint8Array): { header: unknown; compact: CompactIndex } {
  const prefix = MAGIC.length + 4;
  if (file.length < prefix || new TextDecoder().decode(file.subarray(0, MAGIC.length)) !== MAGIC) throw new Error('not a Casefile index segment');
  const headLength = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(MAGIC.length, true);
  if (prefix + headLength > file.length) throw new Error('the index segment is truncated');
  const header = JSON.parse(new TextDecoder().decode(file.subarray(prefix, prefix + headLength))) as Record<string, unknown>;
  const { fields, terms, sections, crc32: expected } = header;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!strings(fields) || !strings(terms) || !Array.isArray(sections) || sections.length !== 2 || typeof expected !== 'number') {
    throw new Error('the index segment header is incomplete');
  }
  const start = Math.ceil((prefix + headLength) / ALIGN) * ALIGN;
  const sizes = sections.map(Number);
  const binary = file.subarray(start);
  if (sizes.some((n) => !Number.isInteger(n) || n < 0) || sizes.reduce((a, b) => a + b, 0) !== binary.length) throw new Error('the index segment is truncated');
  if (crc32(binary) !== expected) throw new Error('the index segment is damaged (checksum mismatch)');
  let at = 0;
  // A copy of each section, aligned and owned (a Node Buffer's slice would be a view into the file).
  const take = (n: number) => new Uint8Array(binary.subarray(at, (at += n)));
  const postingOffsets = new Uint32Array(take(sizes[0]).buffer);
  return { header, compact: { fields, terms, postingOffsets, postings: take(sizes[1]) } };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
