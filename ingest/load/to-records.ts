/**
 * Turns one extracted document into the records the store writes (graph/records.ts). Pure.
 *
 * Source ids: a source is identified by where it came from and what it held. Its id is the sha256 of its
 * origin (a file's absolute path, or an upload's file name) and of its bytes' sha256: the same bytes at two
 * paths, or uploaded under two names, are two sources; the same file read again is the same source
 * ("unchanged"). A file changed at its path is a new id that replaces the old one (SourceBatch.replaces
 * 'path'); an upload replaces only the source it names.
 *
 * Statement ids: a learning or recommendation statement belongs to the source it was read from, so its id
 * is made of the source id and the statement's offsets in that source's text:
 * "lrn-<first 20 hex digits of the source id>-<start>-<end>" ("rec-" for recommendations). Re-ingesting
 * the same file gives the same ids; a changed file gives new ones, and its old statements leave with the old
 * source. The same sentence quoted by two documents is two statements, each with its own offsets, both
 * reachable from the one case review.
 */
import { createHash } from 'node:crypto';
import type {
  CaseReviewRecord,
  LinkRecord,
  Replaces,
  SourceBatch,
  SourceRecord,
  StatementRecord,
} from '../../graph/records.ts';
import { CASE_REVIEW_PROPERTIES, type RelType } from '../../graph/schema/model.ts';
import type { ExtractedCase, ExtractedDocument, TaggedEntity } from '../extract/types.ts';

type StatementKind = 'learning' | 'recommendation';

export function statementId(sourceId: string, kind: StatementKind, start: number, end: number): string {
  return `${kind === 'learning' ? 'lrn' : 'rec'}-${sourceId.slice(0, 20)}-${start}-${end}`;
}

/** Where a document came from: a file (its path is made absolute by the caller) or an upload. */
export type SourceOrigin = { kind: 'file' } | { kind: 'upload'; replaces: string | null };

export function sourceId(origin: SourceOrigin['kind'], path: string, sha256: string): string {
  return createHash('sha256').update(`${origin}\0${path}\0${sha256}`, 'utf8').digest('hex');
}

export function toSourceBatch(
  doc: ExtractedDocument,
  text: string,
  ingestedAt: string,
  origin: SourceOrigin = { kind: 'file' },
): SourceBatch {
  const source = sourceRecord(doc, text, ingestedAt, origin);
  const builder = new BatchBuilder(source.id, text);
  for (const c of doc.cases) builder.addCase(c);
  return { source, replaces: replacesOf(origin), ...builder.result() };
}

function replacesOf(origin: SourceOrigin): Replaces {
  if (origin.kind === 'file') return 'path';
  return { ids: origin.replaces === null ? [] : [origin.replaces] };
}

function sourceRecord(
  doc: ExtractedDocument,
  text: string,
  ingestedAt: string,
  origin: SourceOrigin,
): SourceRecord {
  return {
    id: sourceId(origin.kind, doc.path, doc.sha256),
    sha256: doc.sha256,
    title: doc.title,
    publisher: doc.publisher,
    published: doc.published,
    path: doc.path,
    format: doc.format,
    kind: doc.kind,
    ingestedAt,
    text,
  };
}

/** The declared fields of an extracted case (graph/schema/model.ts), without its offsets and links. */
export function caseRecord(c: ExtractedCase): CaseReviewRecord {
  return Object.fromEntries(CASE_REVIEW_PROPERTIES.map(({ name }) => [name, c[name]])) as CaseReviewRecord;
}

/** The line of the entry that carries its title: where the entry is announced in the source. */
export function titleLine(text: string, c: ExtractedCase): { start: number; end: number } {
  // Searched within the entry only: a title the segmenter normalised is not in the text, and scanning the
  // rest of a long document for it, entry after entry, would cost time quadratic in its length.
  const within = c.title ? text.substring(c.start, c.end).indexOf(c.title) : -1;
  const anchor = within >= 0 ? c.start + within : firstNonBlank(text, c.start, c.end);
  const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
  const from = Math.max(lineStart, c.start);
  const newline = text.indexOf('\n', anchor);
  const lineEnd = newline < 0 ? text.length : newline;
  return trimSpan(text, from, c.end > anchor ? Math.min(lineEnd, c.end) : lineEnd);
}

function firstNonBlank(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && /\s/.test(text[i] ?? '')) i++;
  return i < end ? i : start;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

class BatchBuilder {
  private readonly cases: CaseReviewRecord[] = [];
  private readonly learning: StatementRecord[] = [];
  private readonly recommendations: StatementRecord[] = [];
  private readonly links: LinkRecord[] = [];
  private readonly statementIds = new Set<string>();

  constructor(
    private readonly sourceId: string,
    private readonly text: string,
  ) {}

  addCase(c: ExtractedCase): void {
    this.cases.push(caseRecord(c));
    const title = titleLine(this.text, c);
    this.link('PUBLISHED_IN', c.id, this.sourceId, title.start, title.end);
    this.tagged('CONCERNS', c.id, c.harmTypes);
    this.tagged('INVOLVED', c.id, c.agencies);
    this.tagged('HAS_THEME', c.id, c.themes);
    for (const l of c.learning) {
      const id = this.statement('learning', l.start, l.end);
      if (!id) continue;
      this.link('HAS_LEARNING', c.id, id, l.start, l.end);
      for (const theme of distinct(l.themes)) this.link('ABOUT', id, theme, l.start, l.end);
    }
    for (const r of c.recommendations) {
      const id = this.statement('recommendation', r.start, r.end);
      if (!id) continue;
      this.link('MAKES', c.id, id, r.start, r.end);
      for (const agency of distinct(r.agencies)) this.link('TARGETS', id, agency, r.start, r.end);
      for (const theme of distinct(r.themes)) this.link('ADDRESSES', id, theme, r.start, r.end);
    }
  }

  result(): Omit<SourceBatch, 'source'> {
    return {
      cases: this.cases,
      learning: this.learning,
      recommendations: this.recommendations,
      links: this.links,
    };
  }

  /** Adds a statement unless the same span was already added; returns its id or null. */
  private statement(kind: StatementKind, start: number, end: number): string | null {
    const id = statementId(this.sourceId, kind, start, end);
    if (this.statementIds.has(id)) return null;
    this.statementIds.add(id);
    const record: StatementRecord = {
      id,
      text: this.text.slice(start, end),
      sourceId: this.sourceId,
      start,
      end,
    };
    (kind === 'learning' ? this.learning : this.recommendations).push(record);
    return id;
  }

  /** One link per entity: when classification tags an entity twice, the first evidence stands. */
  private tagged(type: RelType, from: string, entities: TaggedEntity[]): void {
    const seen = new Set<string>();
    for (const e of entities) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      this.link(type, from, e.id, e.evidence.start, e.evidence.end);
    }
  }

  /** The quote is always cut from the text at the offsets, so quote and offsets cannot disagree. */
  private link(type: RelType, from: string, to: string, start: number, end: number): void {
    this.links.push({
      type,
      from,
      to,
      sourceId: this.sourceId,
      quote: this.text.slice(start, end),
      start,
      end,
    });
  }
}

function distinct(ids: readonly string[]): readonly string[] {
  return ids.length < 2 || new Set(ids).size === ids.length ? ids : [...new Set(ids)];
}
