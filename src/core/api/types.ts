/**
 * The API's types: everything the renderer (and any other client of the typed API) may know of the
 * core, and nothing else. Type-only re-exports, so importing this module brings no core code into
 * the page; eslint.config.js (`layering`) lets the renderer reach the core here alone.
 */

// The calls: names, arguments, results and errors.
export type { ApiError, ApiResult, ArgsOf, MethodName, ResultOf } from '../api';
export type { ErrorCode } from '../errors';
export type { MessageCode } from '../../shared/i18n/core-messages';

// The archive and its documents.
export type { ArchiveDocument, DocumentSummary, TextSpan } from '../archive/document';
export type { ArchiveIndexStatus, OpenedDocument, WorkstationInfo, WorkstationSearchResult } from '../workstation';

// Search.
export type { MatchKind, SearchHit, SortOrder, TermSummary } from '../search/search-engine';
export type { QuerySpan } from '../search/query-parser';

// Annotations and their files.
export type { AnchoredAnnotation, AnchorStatus, Annotation, HighlightColor } from '../annotations/model';
export type { ExportFormat, Grouping } from '../annotations/interchange';

// Dossiers.
export type { Dossier } from '../dossier/dossier-store';
export type { CopyOf, DocumentComparison } from '../duplicates/archive-duplicates';
export type { DossierFormat } from '../dossier/dossier-service';
// Figures: what the sources count, by measure.
export type { Claim, Measure, MeasureFigures, Qualifier } from '../figures/claims';
export type { DateBasis, DatePrecision, TimelineEntry } from '../timeline/timeline';

// Batch search: a list of queries, each with what it found.
export type { BatchDocument, BatchRow } from '../batch/batch-search';
export type { BatchState, BatchStatus } from '../batch/batch-jobs';
// Marks on whole documents: a star and tags.
export type { DocumentMark } from '../marks/document-marks';

export type { DossierVerification, UnlistedQuote, VerifiedQuote } from '../dossier/verify';
