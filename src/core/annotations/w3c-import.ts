import path from 'node:path';
import { z } from 'zod';
import type { ArchiveDocument } from '../archive/document';
import { CasefileError } from '../errors';
import { anchor, quoteAt } from './anchoring';
import { CodePointIndex } from './code-points';
import { Annotation, HighlightColor, type TextQuoteSelector } from './model';
import { nameBasedUuid, SHA256_IRI_PREFIX } from './w3c-export';

/**
 * W3C Web Annotation JSON-LD into Casefile: whatever the model allows, as far as Casefile can anchor
 * it on a document of the archive. Bodies may be TextualBody objects, IRIs or `bodyValue`; a target
 * may be an IRI (with an RFC 5147 `#char=` fragment), a SpecificResource or an array of them;
 * selectors may be refined (`refinedBy`). A source is matched by `urn:sha256:` (the file's content),
 * by Casefile's archive path (`casefile:docId`, or the bare path older exports wrote), by the file
 * name of a `file:` IRI, or by the URL the document was retrieved from. What cannot be anchored is
 * reported with the reason, never added as a silent orphan.
 */

export interface ImportProblem {
  index: number;
  message: string;
}

const Iri = z.string().min(1);
const Selector = z.union([Iri, z.object({ type: z.string() }).loose()]);
const ResourceRef = z.union([Iri, z.object({ id: Iri }).loose()]);
const SpecificTarget = z
  .object({
    source: ResourceRef,
    selector: z.union([Selector, z.array(Selector)]).optional(),
    styleClass: z.union([z.string(), z.array(z.string())]).optional(),
    'casefile:docId': z.string().optional(),
    'casefile:docSha256': z.string().optional(),
    'casefile:detached': z.boolean().optional(),
    'casefile:status': z.string().optional(),
    'casefile:utf16Offsets': z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }).optional(),
  })
  .loose();
const Target = z.union([Iri, SpecificTarget, z.object({ id: Iri }).loose()]);
const Body = z.union([Iri, z.object({}).loose()]);
const Agent = z.union([z.string(), z.object({ name: z.string().optional(), nickname: z.string().optional() }).loose()]);
const W3cAnnotation = z
  .object({
    id: Iri,
    type: z.union([z.string(), z.array(z.string())]).optional(),
    motivation: z.union([z.string(), z.array(z.string())]).optional(),
    created: z.string().optional(),
    modified: z.string().optional(),
    creator: z.union([Agent, z.array(Agent)]).optional(),
    body: z.union([Body, z.array(Body)]).optional(),
    bodyValue: z.string().optional(),
    target: z.union([Target, z.array(Target).min(1)]),
  })
  .loose();
type W3cAnnotation = z.infer<typeof W3cAnnotation>;
type Target = z.infer<typeof Target>;

/**
 * Reads annotations from W3C JSON-LD: an AnnotationCollection (its first page's items), an
 * AnnotationPage, a single Annotation, or an array of them, against the archive's documents. Ids
 * that are not `urn:uuid:` (other tools') map to a stable UUID, so a second import of the same file
 * merges instead of duplicating. An annotation with several targets gives one Casefile annotation
 * per target that anchors.
 */
export function fromJsonLd(json: unknown, documents: ReadonlyMap<string, ArchiveDocument>): { annotations: Annotation[]; problems: ImportProblem[] } {
  const items = itemsOf(json);
  const annotations: Annotation[] = [];
  const problems: ImportProblem[] = [];
  items.forEach((item, index) => {
    const parsed = W3cAnnotation.safeParse(item);
    if (!parsed.success) {
      problems.push({ index, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).slice(0, 3).join('; ') });
      return;
    }
    const targets = [parsed.data.target].flat();
    const reasons: string[] = [];
    targets.forEach((target, t) => {
      const converted = toAnnotation(parsed.data, target, t, documents);
      if (typeof converted === 'string') reasons.push(targets.length > 1 ? `target ${t + 1}: ${converted}` : converted);
      else annotations.push(converted);
    });
    // A target that cannot be anchored is reported even when another of the same annotation was.
    if (reasons.length > 0) problems.push({ index, message: reasons.join('; ') });
  });
  return { annotations, problems };
}

function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) throw new CasefileError('invalid-argument', 'the file holds no annotations (expected W3C Web Annotation JSON-LD)');
  const record = json as Record<string, unknown>;
  const first = record.first as Record<string, unknown> | undefined;
  if (Array.isArray(first?.items)) return first.items;
  if (Array.isArray(record.items)) return record.items;
  if (record.type === 'Annotation' || record.target) return [json];
  throw new CasefileError('invalid-argument', 'the file holds no annotations (expected an AnnotationCollection, AnnotationPage or Annotation)');
}

/** A target read down to what anchoring needs. */
interface TargetParts {
  source: string;
  selectors: unknown[];
  styleClass: string[];
  docId?: string;
  docSha256?: string;
  detached: boolean;
  /** Casefile's own export says the annotation was already orphaned there. */
  recordedOrphan: boolean;
  /** Casefile's offsets into a file the exporting archive no longer held (a hint to re-anchoring). */
  utf16Offsets?: { start: number; end: number };
}

function partsOf(target: Target): TargetParts {
  if (typeof target === 'string' || !('source' in target)) {
    const iri = typeof target === 'string' ? target : target.id;
    // RFC 5147: `#char=start,end` names a span of a plain text by character offsets.
    const fragment = /#char=(\d+),(\d+)$/.exec(iri);
    const selectors = fragment ? [{ type: 'TextPositionSelector', start: Number(fragment[1]), end: Number(fragment[2]) }] : [];
    return { source: fragment ? iri.slice(0, fragment.index) : iri, selectors, styleClass: [], detached: false, recordedOrphan: false };
  }
  const t = target as z.infer<typeof SpecificTarget>;
  return {
    source: typeof t.source === 'string' ? t.source : t.source.id,
    selectors: t.selector === undefined ? [] : [t.selector].flat(),
    styleClass: t.styleClass === undefined ? [] : [t.styleClass].flat(),
    docId: t['casefile:docId'],
    docSha256: t['casefile:docSha256'],
    detached: t['casefile:detached'] === true,
    recordedOrphan: t['casefile:detached'] === true || t['casefile:status'] === 'orphaned',
    utf16Offsets: t['casefile:utf16Offsets'],
  };
}

function toAnnotation(item: W3cAnnotation, target: Target, targetIndex: number, documents: ReadonlyMap<string, ArchiveDocument>): Annotation | string {
  const parts = partsOf(target);
  const found = findDocument(parts, documents);
  if (typeof found === 'string') return found;
  const { doc, sha256 } = found;
  const sameFile = sha256 === doc.sha256;
  const { quote, position } = readSelectors(parts.selectors);
  // Casefile exports from before IRIs (the source a bare archive path) counted offsets in UTF-16 units.
  const legacyOffsets = parts.source === doc.id && parts.docSha256 !== undefined;
  const codePoints = new CodePointIndex(doc.text);
  const span = position ? spanOf(position, legacyOffsets ? null : codePoints, doc.text.length) : null;
  const hint = span ?? (parts.utf16Offsets && parts.utf16Offsets.end > parts.utf16Offsets.start ? parts.utf16Offsets : null);

  let target16: Annotation['target'];
  if (quote) {
    target16 = { docId: doc.id, docSha256: sha256 ?? UNKNOWN_SHA256, quote, position: hint ?? { start: 0, end: quote.exact.length } };
  } else if (position) {
    if (!sameFile) return `a TextPositionSelector without a TextQuoteSelector anchors only on the very file it was made on, and ${sha256 ? `${doc.id} has another SHA-256` : 'the source gives no SHA-256 (urn:sha256:…)'}`;
    if (!span) return `the position ${position.start}–${position.end} is outside ${doc.id} (${codePoints.length} characters)`;
    target16 = { docId: doc.id, docSha256: doc.sha256, quote: quoteAt(doc.text, span.start, span.end), position: span };
  } else {
    return 'no selector Casefile can anchor (a TextQuoteSelector, a TextPositionSelector or a #char= fragment): it annotates passages, not whole documents';
  }

  const stamp = new Date(0).toISOString();
  const bodies = bodiesOf(item);
  const parsed = Annotation.safeParse({
    id: nameBasedId(item.id, targetIndex),
    target: target16,
    note: bodies.notes.join('\n\n'),
    tags: [...new Set(bodies.tags)],
    color: parts.styleClass.map((c) => HighlightColor.safeParse(c)).find((c) => c.success)?.data ?? 'yellow',
    author: creatorName(item.creator),
    created: validDate(item.created) ?? stamp,
    modified: validDate(item.modified) ?? validDate(item.created) ?? stamp,
    ...(parts.detached ? { detached: true } : {}),
  });
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; ');
  const annotation = parsed.data;
  const place = anchor(annotation, doc);
  if (place.status === 'orphaned') {
    // The one orphan imported is one a Casefile export says was orphaned already (or detached by its
    // author): moving annotations between machines keeps them as they were.
    if (parts.recordedOrphan) return annotation;
    return `the quote ${JSON.stringify(clip(annotation.target.quote.exact))} is not found in ${doc.id}`;
  }
  if (hint) return annotation;
  // No usable offsets: the place found is recorded; found exactly on a source of unknown version,
  // the annotation is as if made on this file (a fuzzy place stays up for review).
  const exact = place.status !== 'fuzzy';
  return { ...annotation, target: { ...annotation.target, position: { start: place.start, end: place.end }, docSha256: sha256 ?? (exact ? doc.sha256 : UNKNOWN_SHA256) } };
}

const UNKNOWN_SHA256 = '0'.repeat(64);

/** A span in UTF-16 units, from code points (or from UTF-16 units as older exports wrote them); null if outside the text. */
function spanOf(position: { start: number; end: number }, codePoints: CodePointIndex | null, textLength: number): { start: number; end: number } | null {
  const start = codePoints ? codePoints.toUtf16(position.start) : position.start;
  const end = codePoints ? codePoints.toUtf16(position.end) : position.end;
  return start !== null && end !== null && start < end && end <= textLength ? { start, end } : null;
}

/** The document a source names, and the SHA-256 of the file the selectors were made on (when the source says). */
function findDocument(parts: TargetParts, documents: ReadonlyMap<string, ArchiveDocument>): { doc: ArchiveDocument; sha256: string | undefined } | string {
  const { source } = parts;
  const hashed = new RegExp(`^${SHA256_IRI_PREFIX}([0-9a-f]{64})$`, 'i').exec(source)?.[1]?.toLowerCase();
  const sha256 = hashed ?? (/^[0-9a-f]{64}$/.test(parts.docSha256 ?? '') ? parts.docSha256 : undefined);
  const all = [...documents.values()];
  if (hashed) {
    const same = all.filter((d) => d.sha256 === hashed);
    const doc = same.find((d) => d.id === parts.docId) ?? same.sort((a, b) => a.id.localeCompare(b.id))[0];
    if (doc) return { doc, sha256 };
  }
  // The archive path Casefile recorded: the file may have been edited since (its hash differs).
  const byPath = documents.get(parts.docId ?? source);
  if (byPath) return { doc: byPath, sha256 };
  if (/^file:/i.test(source)) return byFileIri(source, all, sha256);
  const byUrl = all.filter((d) => d.url !== null && d.url === source);
  if (byUrl.length === 1) return { doc: byUrl[0], sha256 };
  if (hashed) return `no document in the archive has SHA-256 ${hashed}${parts.docId ? ` or the path ${parts.docId}` : ''}`;
  return `no document in the archive matches the source ${JSON.stringify(source)}`;
}

/** A `file:` IRI from another machine: the archive document at the longest matching path suffix, else of the same file name. */
function byFileIri(source: string, all: ArchiveDocument[], sha256: string | undefined): { doc: ArchiveDocument; sha256: string | undefined } | string {
  let filePath: string;
  try {
    filePath = decodeURIComponent(new URL(source).pathname);
  } catch {
    return `the source ${JSON.stringify(source)} is not a valid file: IRI`;
  }
  const suffixMatch = all.filter((d) => filePath.endsWith(`/${d.id}`)).sort((a, b) => b.id.length - a.id.length);
  if (suffixMatch.length > 0 && (suffixMatch.length === 1 || suffixMatch[0].id.length > suffixMatch[1].id.length)) return { doc: suffixMatch[0], sha256 };
  const name = path.posix.basename(filePath);
  const named = all.filter((d) => path.posix.basename(d.id) === name);
  if (named.length === 1) return { doc: named[0], sha256 };
  if (named.length > 1) return `${named.length} documents in the archive are named ${name} (${named.map((d) => d.id).join(', ')}): the source does not say which`;
  return `no document in the archive is named ${name}`;
}

type Selected = { quote?: TextQuoteSelector; position?: { start: number; end: number } };

/**
 * The quote and the position (in code points) the selectors give. Alternatives (an array) describe
 * the same passage: the first quote and the first position are taken. A refinement (`refinedBy`)
 * selects within its parent, so a position under a position or a `char=` fragment is shifted by the
 * parent's start; under a selector Casefile cannot resolve (CSS, XPath, another fragment, a quote)
 * only a quote is still usable, and is searched in the whole document.
 */
function readSelectors(selectors: unknown[]): Selected {
  const chains = selectors.map((s) => readChain(s, 0, true));
  return { quote: chains.find((c) => c.quote)?.quote, position: chains.find((c) => c.position)?.position };
}

function readChain(selector: unknown, base: number, resolvable: boolean): Selected {
  if (typeof selector !== 'object' || selector === null) return {}; // an IRI naming a selector elsewhere
  const s = selector as Record<string, unknown>;
  let quote: TextQuoteSelector | undefined;
  let region: { start: number; end: number } | undefined;
  if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact !== '') {
    quote = { exact: s.exact, prefix: stringOr(s.prefix), suffix: stringOr(s.suffix) };
  } else if (s.type === 'TextPositionSelector' && isOffset(s.start) && isOffset(s.end)) {
    region = { start: s.start, end: s.end };
  } else if (s.type === 'FragmentSelector' && typeof s.value === 'string' && /^char=\d+,\d+$/.test(s.value)) {
    const [start, end] = s.value.slice('char='.length).split(',').map(Number);
    region = { start, end };
  }
  const own = region && resolvable ? { start: base + region.start, end: base + region.end } : undefined;
  const refined = s.refinedBy === undefined ? {} : readChain([s.refinedBy].flat()[0], own?.start ?? 0, own !== undefined);
  // The deepest refinement is the passage; a parent's region is not the place of a quote inside it.
  return { quote: refined.quote ?? quote, position: refined.position ?? (refined.quote ? undefined : own) };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Notes and tags from the bodies. A body's purpose (or else the annotation's motivation) says
 * which: `tagging` gives a tag, anything else text for the note. An IRI body (a resource elsewhere)
 * is kept as its IRI; of a Choice the first option is taken.
 */
function bodiesOf(item: W3cAnnotation): { notes: string[]; tags: string[] } {
  const motivation = [item.motivation ?? []].flat()[0];
  const notes: string[] = [];
  const tags: string[] = [];
  const add = (purpose: unknown, text: string) => {
    const value = text.trim();
    if (value === '') return;
    if ((purpose ?? motivation) === 'tagging' && value.length <= 100) tags.push(value);
    else notes.push(text);
  };
  const visit = (body: unknown, purpose: unknown) => {
    if (typeof body === 'string') return add(purpose, body);
    if (typeof body !== 'object' || body === null) return;
    const b = body as Record<string, unknown>;
    const own = b.purpose ?? purpose;
    if (b.type === 'Choice' && Array.isArray(b.items)) return visit(b.items[0], own);
    if (typeof b.value === 'string') return add(own, b.value);
    if (typeof b.source === 'string') return add(own, b.source);
    if (typeof b.id === 'string') return add(own, b.id);
  };
  if (item.bodyValue !== undefined) add(undefined, item.bodyValue);
  for (const body of [item.body ?? []].flat()) visit(body, undefined);
  return { notes, tags };
}

function creatorName(creator: W3cAnnotation['creator']): string {
  const first = [creator ?? []].flat()[0];
  if (first === undefined) return '';
  return typeof first === 'string' ? first : (first.name ?? first.nickname ?? '');
}

/** `urn:uuid:` ids are kept; others map to a stable UUID (a second target of one annotation to another). */
function nameBasedId(id: string, targetIndex: number): string {
  const match = /^urn:uuid:([0-9a-f-]{36})$/i.exec(id);
  if (match && targetIndex === 0) return match[1].toLowerCase();
  return nameBasedUuid(`casefile-import:${id}${targetIndex === 0 ? '' : ` target ${targetIndex + 1}`}`);
}

function validDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
