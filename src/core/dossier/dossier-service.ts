import { randomUUID } from 'node:crypto';
import { maxBytesOf, sha256Hex } from '../archive/archive';
import type { CustodyView, LedgerHead } from '../archive/custody-ledger';
import type { ArchiveDocument } from '../archive/document';
import { toJsonLd } from '../annotations/interchange';
import type { AnchoredAnnotation } from '../annotations/model';
import { readArchiveFile } from '../contained-path';
import { sourceFileOf } from '../archive/web-archive';
import { CasefileError, errorMessage } from '../errors';
import type { Measure, MeasureFigures } from '../figures/claims';
import type { CitationStyle } from './citation';
import { claimsTableOf } from './claims-table';
import { contentOfAllAnnotations, contentOfDossier, type BuiltContent } from './dossier-content';
import type { Dossier, DossierChanges, DossierStore } from './dossier-store';
import { loadDossierFonts } from './fonts';
import { isZip, verifyEvidenceBundle, writeEvidenceBundle, type BundleVerification } from './evidence-bundle';
import { DOCX_MEDIA_TYPE, writeDossierDocx } from './docx';
import { dossierMarkdown } from './markdown';
import { manifestOf, type DossierContent } from './model';
import { signPdf } from './pdf-signing';
import { sourcesFile, type SourceFormat } from './source-export';
import { writeDossierPdf } from './pdf-writer';
import { identityFromPkcs12 } from './pkcs12';
import { localSigningIdentity, type SigningIdentity } from './signing-identity';
import { verifyDossierPdf, type DossierVerification } from './verify';

export interface DossierRequest {
  title: string;
  author?: string;
  citationStyle?: CitationStyle;
}

/** What a dossier is exported as: the PDF, Markdown, its manifest (JSON), an evidence bundle (zip, see evidence-bundle.ts) or a Word document. */
export const DOSSIER_FORMATS = ['pdf', 'md', 'json', 'bundle', 'docx'] as const;
export type DossierFormat = (typeof DOSSIER_FORMATS)[number];

/**
 * How an exported PDF is signed: with the local identity made in the data folder on first use (the
 * default), with the user's own certificate and key from a PKCS#12 file, or not at all.
 */
export type DossierSigning = 'local' | 'none' | { pkcs12: Uint8Array; passphrase: string; fileName?: string };

export interface DossierExport {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  /** Items left out, in words. */
  warnings: string[];
}

/** What the dossiers need of the rest of the open archive. */
export interface DossierSources {
  archiveRoot: string;
  /** The data folder, where the local signing identity is kept. */
  dataDir: string;
  /** An annotation as it anchors now; throws not-found for an unknown id. */
  annotation(id: string): AnchoredAnnotation;
  annotations(): AnchoredAnnotation[];
  document(id: string): ArchiveDocument | undefined;
  /** The author named in the preferences, for new dossiers and the all-annotations export. */
  author(): string;
  now(): Date;
  /** Resolves when the archive's files are compared with what was opened: no quote of an old version. */
  current(): Promise<void>;
  /** The custody ledger once every change seen so far is in it. */
  custody(): Promise<CustodyView>;
  /** The custody ledger's bytes and head as they are on disk now, for an evidence bundle. */
  ledger(): Promise<{ ledger: Uint8Array; head: LedgerHead }>;
  /** Reads a document's file again (a file seen changed); a file gone is dropped, with a not-found error. */
  reread(docId: string): Promise<unknown>;
}


/**
 * The dossiers of one archive: built by the user (created, edited, added to), and exported as a PDF,
 * Markdown or a manifest, or verified against the archive.
 */
export class DossierService {
  constructor(
    private readonly store: DossierStore,
    private readonly sources: DossierSources,
  ) {}

  list(): Dossier[] {
    return this.store.list();
  }

  get(id: string): Dossier {
    return this.store.get(id);
  }

  async create(name: string, fields: DossierChanges = {}): Promise<Dossier> {
    return this.store.create(name, { author: this.sources.author(), ...fields });
  }

  /**
   * Changes a dossier's fields. With `basedOn` (the `modified` of the copy the sections were changed
   * on), sections are refused with a 'conflict' error if the dossier was saved elsewhere since: the
   * window merges its change with the dossier as it is now (mergeSections) instead of undoing
   * another window's additions. Other fields are each taken as given (the last save of a field wins).
   */
  async update(id: string, changes: DossierChanges, basedOn?: string): Promise<Dossier> {
    return this.store.update(id, changes, (existing) => {
      if (changes.sections && basedOn !== undefined && existing.modified !== basedOn) {
        throw new CasefileError('conflict', `the dossier ${JSON.stringify(existing.name)} was changed elsewhere since this copy was made (saved ${existing.modified})`);
      }
      this.checkNewItems(existing, changes);
    });
  }

  async remove(id: string): Promise<void> {
    return this.store.remove(id);
  }

  /**
   * Appends an annotation to a section of a dossier (the last section unless one is named), to the
   * dossier as it is on disk at that moment: quick additions one after another all land.
   */
  async add(id: string, annotationId: string, sectionId?: string, commentary = ''): Promise<Dossier> {
    this.sources.annotation(annotationId);
    return this.store.update(id, (dossier) => {
      const target = sectionId ?? dossier.sections.at(-1)?.id;
      if (!dossier.sections.some((s) => s.id === target)) {
        throw new CasefileError('not-found', `no section ${JSON.stringify(sectionId)} in dossier ${JSON.stringify(dossier.name)}`);
      }
      return { sections: dossier.sections.map((s) => (s.id === target ? { ...s, items: [...s.items, { annotationId, commentary }] } : s)) };
    });
  }

  /**
   * Appends a claims table to a section (the last unless one is named): the figures `figures` gives
   * for the measure now, one row per claim with its sentence as an anchored quote. The table is kept
   * as it is made (a later change of the archive shows when the dossier is exported or verified).
   */
  async addClaimsTable(id: string, measure: Measure, figures: readonly MeasureFigures[], sectionId?: string): Promise<Dossier> {
    const claims = figures.find((f) => f.measure === measure)?.claims ?? [];
    const table = claimsTableOf(measure, claims, (docId) => this.sources.document(docId));
    if (table.rows.length === 0) throw new CasefileError('not-found', `no source in the archive gives a figure for ${measure}`);
    return this.store.update(id, (dossier) => {
      const target = sectionId ?? dossier.sections.at(-1)?.id;
      if (!dossier.sections.some((s) => s.id === target)) {
        throw new CasefileError('not-found', `no section ${JSON.stringify(sectionId)} in dossier ${JSON.stringify(dossier.name)}`);
      }
      const item = { annotationId: randomUUID(), commentary: '', claims: table };
      return { sections: dossier.sections.map((s) => (s.id === target ? { ...s, items: [...s.items, item] } : s)) };
    });
  }

  /** A dossier's content: a stored dossier by id or name, or (null) every annotation grouped by source. */
  content(dossier: string | null, request: Partial<DossierRequest> = {}): BuiltContent {
    const lookups = {
      annotation: (id: string) => this.lookupAnnotation(id),
      document: (id: string) => this.sources.document(id),
      now: this.sources.now(),
    };
    if (dossier !== null) {
      const built = contentOfDossier(this.store.find(dossier), lookups);
      const content: DossierContent = {
        ...built.content,
        title: request.title ?? built.content.title,
        author: request.author ?? built.content.author,
        citationStyle: request.citationStyle,
      };
      return { ...built, content };
    }
    const fields = { title: request.title ?? 'Casefile dossier', author: request.author ?? this.sources.author(), citationStyle: request.citationStyle };
    return contentOfAllAnnotations(this.sources.annotations(), fields, lookups);
  }

  async export(dossier: string | null, format: DossierFormat, request: Partial<DossierRequest> = {}, signing: DossierSigning = 'local'): Promise<DossierExport> {
    // First, so a wrong passphrase is said before any work is done.
    const identity = format === 'pdf' || format === 'bundle' ? await this.signingIdentity(signing) : null;
    await this.sources.current(); // no quote of a version the background check is about to replace
    const built = this.content(dossier, request);
    const { warnings } = built;
    const content = await this.withCustody(built.content);
    const name = fileNameFor(content.title);
    if (format === 'pdf' || format === 'bundle') {
      const unsigned = await writeDossierPdf(content, await loadDossierFonts());
      const bytes = identity ? await signPdf(unsigned, identity, { signingTime: this.sources.now() }) : unsigned;
      if (format === 'bundle') return { fileName: `${name}.zip`, mediaType: 'application/zip', bytes: await this.bundle(content, `${name}.pdf`, bytes, warnings), warnings };
      return { fileName: `${name}.pdf`, mediaType: 'application/pdf', bytes, warnings };
    }
    if (format === 'docx') return { fileName: `${name}.docx`, mediaType: DOCX_MEDIA_TYPE, bytes: await writeDossierDocx(content), warnings };
    const text = format === 'md' ? dossierMarkdown(content) : `${JSON.stringify(manifestOf(content), null, 2)}\n`;
    return {
      fileName: `${name}.${format === 'md' ? 'md' : 'manifest.json'}`,
      mediaType: format === 'md' ? 'text/markdown' : 'application/json',
      bytes: new TextEncoder().encode(text),
      warnings,
    };
  }

  /** The sources a dossier cites (null: every annotation's), for a reference manager: see source-export.ts. */
  async exportSources(dossier: string | null, format: SourceFormat): Promise<DossierExport> {
    await this.sources.current();
    const content = await this.withCustody(this.content(dossier).content);
    return sourcesFile(content, format, fileNameFor(content.title));
  }

  /** The documents the annotations quote, for their position selectors in the bundle's JSON-LD. */
  private quotedDocuments(annotations: readonly AnchoredAnnotation[]): Map<string, ArchiveDocument> {
    const documents = new Map<string, ArchiveDocument>();
    for (const { target } of annotations) {
      const doc = this.sources.document(target.docId);
      if (doc) documents.set(doc.id, doc);
    }
    return documents;
  }

  /** The content with the custody ledger's head and each source's first-seen time, for the manifest. */
  private async withCustody(content: DossierContent): Promise<DossierContent> {
    const custody = await this.sources.custody();
    return {
      ...content,
      custody: {
        ledger: custody.check.head,
        sources: content.sources.map(({ doc }) => ({ docId: doc.id, firstSeen: custody.of(doc.id).firstSeen })),
      },
    };
  }

  /**
   * Checks an exported dossier: a PDF's printed pages against its attached manifest and every quote
   * against this archive; an evidence bundle (a zip) against nothing but itself.
   */
  async verify(bytes: Uint8Array): Promise<DossierVerification | BundleVerification> {
    return isZip(bytes) ? verifyEvidenceBundle(bytes) : this.verifyPdf(bytes);
  }

  async verifyPdf(bytes: Uint8Array): Promise<DossierVerification> {
    const verification = await verifyDossierPdf(bytes, this.sources.archiveRoot, await this.sources.custody());
    // What Verify saw on disk, the archive (and every view of the annotations' statuses) learns of at once.
    const differing = verification.quotes.flatMap((q) => ('docId' in q && q.source !== 'ok' && this.sources.document(q.docId) ? [q.docId] : []));
    for (const docId of new Set(differing)) {
      await this.sources.reread(docId).catch((error: unknown) => {
        if (!(error instanceof CasefileError && error.code === 'not-found')) console.error(`${docId} not read again after Verify:`, errorMessage(error));
      });
    }
    return verification;
  }

  /**
   * The evidence bundle of a signed PDF: with the manifest as attached, each quoted source read from
   * the archive (its SHA-256 must still be the cited one), the ledger and the quoted annotations.
   */
  private async bundle(content: DossierContent, pdfName: string, pdf: Uint8Array, warnings: string[]): Promise<Uint8Array> {
    const sources: Array<{ docId: string; bytes: Uint8Array }> = [];
    for (const { doc } of content.sources) {
      if (!('sha256' in doc)) {
        warnings.push(`${doc.id} is no longer in the archive: it is not in the bundle, and its quotes will not verify`);
        continue;
      }
      // A page captured in a web archive is bundled as its archive file, once however many pages are quoted.
      const file = sourceFileOf(doc.id);
      if (sources.some((s) => s.docId === file)) continue;
      const bytes = await readArchiveFile(this.sources.archiveRoot, file, { maxBytes: maxBytesOf(file) }).then(
        (read) => read.bytes,
        (error: unknown) => {
          throw new CasefileError('invalid-argument', `${file} cannot be read for the bundle (${errorMessage(error)}): export again`);
        },
      );
      // A captured page's own SHA-256 is of its body, checked when the bundle is verified.
      if (file === doc.id && sha256Hex(bytes) !== doc.sha256) throw new CasefileError('invalid-argument', `${doc.id} changed while the bundle was made: export again`);
      sources.push({ docId: file, bytes });
    }
    const quoted = content.sections.flatMap((section) => section.quotes.map((quote) => this.lookupAnnotation(quote.annotationId)));
    const annotations = quoted.filter((a): a is AnchoredAnnotation => a !== undefined);
    const { ledger, head } = await this.sources.ledger();
    return writeEvidenceBundle({
      title: content.title,
      created: content.created,
      pdfName,
      pdf,
      // The very bytes writeDossierPdf attaches.
      manifest: new TextEncoder().encode(JSON.stringify(manifestOf(content))),
      ledger,
      ledgerHead: head,
      annotations: `${JSON.stringify(toJsonLd(annotations, content.title, this.quotedDocuments(annotations)), null, 2)}\n`,
      sources,
    });
  }

  /** Follows changes other processes make to the dossiers; `listener` runs after each is read. */
  watch(listener: () => void): () => void {
    return this.store.watch(listener);
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  close(): void {
    this.store.close();
  }

  /** An annotation as it anchors now, or undefined if it was deleted. */
  private lookupAnnotation(id: string): AnchoredAnnotation | undefined {
    try {
      return this.sources.annotation(id);
    } catch {
      return undefined;
    }
  }

  private async signingIdentity(signing: DossierSigning): Promise<SigningIdentity | null> {
    if (signing === 'none') return null;
    if (signing === 'local') return localSigningIdentity(this.sources.dataDir, this.sources.author(), this.sources.now());
    return identityFromPkcs12(signing.pkcs12, signing.passphrase, signing.fileName);
  }

  /**
   * Items new to the dossier must name existing annotations; items already in it may name one deleted
   * since (the dossier keeps its place, the export leaves it out and says so), so reordering never fails.
   */
  private checkNewItems(existing: Dossier, changes: DossierChanges): void {
    const present = new Set(existing.sections.flatMap((s) => s.items.map((i) => i.annotationId)));
    for (const section of changes.sections ?? []) {
      // A claims table carries its own quotes (checked when exported and verified), not an annotation's.
      for (const item of section.items) if (!present.has(item.annotationId) && !item.claims) this.sources.annotation(item.annotationId);
    }
  }
}

/** A file name from a title: letters and digits of any script, dashes between. */
export function fileNameFor(title: string): string {
  const safe = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return safe || 'dossier';
}
