/**
 * The graph's searchable text in memory: case reviews (title, pseudonym, partnership, summary) and
 * statements (learning and recommendations), in segments of postings (postings.ts). A search gives the same
 * hits, in the same order, as the store's substring search (graph/embedded/read/search.ts): a
 * case-insensitive substring of a taxonomy label, a review's title or pseudonym (a case hit), its
 * partnership (a partnership hit, unless the title or pseudonym matched), a statement's text; then reviews
 * found only by their summary, by title. Only the documents the postings name are looked at.
 *
 * Documents are added in segments and removed by marking them dead; when too many segments or dead
 * documents pile up, the live documents are written into one new segment.
 */
import { compareSearchHits, compareText, searchNeedle } from '../../graph/read-rules.ts';
import type { CaseReviewRecord } from '../../graph/records.ts';
import type { SearchHit, StatementHit, StatementKind } from '../../graph/store.ts';
import { type Needle, needleOf, type PostingParts, PostingSegment } from './postings.ts';

export interface CaseDocument {
  id: string;
  title: string;
  partnership: string | null;
  /** Lower-cased title, pseudonym, partnership and summary. */
  lower: { title: string; child: string | null; partnership: string | null; summary: string | null };
}

export interface StatementDocument {
  kind: StatementKind;
  id: string;
  text: string;
  sourceId: string;
  /** The first (by id) review holding it. */
  caseId: string;
}

export type SearchStatement = Pick<StatementHit, 'kind' | 'id' | 'text' | 'sourceId' | 'caseId'>;

export function caseDocument(
  c: Pick<CaseReviewRecord, 'id' | 'title' | 'child' | 'partnership' | 'summary'>,
): CaseDocument {
  return {
    id: c.id,
    title: c.title,
    partnership: c.partnership ?? null,
    lower: {
      title: c.title.toLowerCase(),
      child: c.child?.toLowerCase() ?? null,
      partnership: c.partnership?.toLowerCase() ?? null,
      summary: c.summary?.toLowerCase() ?? null,
    },
  };
}

export function statementDocument(s: SearchStatement): StatementDocument {
  return { kind: s.kind, id: s.id, text: s.text, sourceId: s.sourceId, caseId: s.caseId };
}

/** Labels of the taxonomy's entries in the graph (a handful of hundreds: read whole on every search). */
export interface SearchTaxonomy {
  themes: readonly { id: string; label: string }[];
  harmTypes: readonly { id: string; label: string }[];
  agencies: readonly { id: string; label: string }[];
}

const KIND_CODES: readonly StatementKind[] = ['learning', 'recommendation'];

/** A segment's statements as columns: what StatementColumns holds, and what is saved of it. */
export interface StatementColumnParts {
  ids: string[];
  texts: string[];
  kinds: Uint8Array;
  caseOf: Uint32Array;
  sourceOf: Uint32Array;
  caseIds: string[];
  sourceIds: string[];
}

/**
 * Statements as columns rather than one object each (700k at 100k reviews): ids and texts as strings, the
 * kind, review and source as small numbers into tables of the distinct values.
 */
class StatementColumns implements StatementColumnParts {
  readonly ids: string[];
  readonly texts: string[];
  readonly kinds: Uint8Array;
  readonly caseOf: Uint32Array;
  readonly sourceOf: Uint32Array;
  readonly caseIds: string[];
  readonly sourceIds: string[];

  constructor(parts: StatementColumnParts) {
    this.ids = parts.ids;
    this.texts = parts.texts;
    this.kinds = parts.kinds;
    this.caseOf = parts.caseOf;
    this.sourceOf = parts.sourceOf;
    this.caseIds = parts.caseIds;
    this.sourceIds = parts.sourceIds;
  }

  static of(docs: readonly StatementDocument[]): StatementColumns {
    const n = docs.length;
    const parts: StatementColumnParts = {
      ids: new Array<string>(n),
      texts: new Array<string>(n),
      kinds: new Uint8Array(n),
      caseOf: new Uint32Array(n),
      sourceOf: new Uint32Array(n),
      caseIds: [],
      sourceIds: [],
    };
    const caseAt = new Map<string, number>();
    const sourceAt = new Map<string, number>();
    const at = (map: Map<string, number>, table: string[], value: string) => {
      let i = map.get(value);
      if (i === undefined) {
        i = table.length;
        map.set(value, i);
        table.push(value);
      }
      return i;
    };
    docs.forEach((doc, d) => {
      parts.ids[d] = doc.id;
      parts.texts[d] = doc.text;
      parts.kinds[d] = KIND_CODES.indexOf(doc.kind);
      parts.caseOf[d] = at(caseAt, parts.caseIds, doc.caseId);
      parts.sourceOf[d] = at(sourceAt, parts.sourceIds, doc.sourceId);
    });
    return new StatementColumns(parts);
  }

  get length(): number {
    return this.ids.length;
  }

  document(d: number): StatementDocument {
    return {
      kind: KIND_CODES[this.kinds[d] ?? 0] ?? 'learning',
      id: this.ids[d] ?? '',
      text: this.texts[d] ?? '',
      sourceId: this.sourceIds[this.sourceOf[d] ?? 0] ?? '',
      caseId: this.caseIds[this.caseOf[d] ?? 0] ?? '',
    };
  }
}

/**
 * A segment as it is saved beside the database (saved-search.ts): its reviews as columns (pseudonyms and
 * summaries lower-cased, as searched), its statements as columns, both postings, and which documents are dead.
 */
export interface SavedSegment {
  cases: {
    ids: string[];
    titles: string[];
    partnerships: (string | null)[];
    children: (string | null)[];
    summaries: (string | null)[];
  };
  statements: StatementColumnParts;
  casePostings: PostingParts;
  statementPostings: PostingParts;
  deadCases: Uint8Array;
  deadStatements: Uint8Array;
}

class Segment {
  live: number;

  constructor(
    readonly caseDocs: readonly CaseDocument[],
    readonly statementDocs: StatementColumns,
    readonly cases: PostingSegment,
    readonly statements: PostingSegment,
    readonly deadCases: Uint8Array,
    readonly deadStatements: Uint8Array,
  ) {
    this.live = caseDocs.length + statementDocs.length;
    for (const dead of [deadCases, deadStatements]) for (const mark of dead) this.live -= mark;
  }

  static build(caseDocs: readonly CaseDocument[], statements: readonly StatementDocument[]): Segment {
    const statementDocs = StatementColumns.of(statements);
    const texts = statementDocs.texts;
    const cases = PostingSegment.build(caseDocs.length, (d) => {
      const lower = caseDocs[d]?.lower;
      return lower ? [lower.title, lower.child, lower.partnership, lower.summary] : [];
    });
    const postings = PostingSegment.build(texts.length, (d) => [texts[d]?.toLowerCase() ?? null]);
    return new Segment(
      caseDocs,
      statementDocs,
      cases,
      postings,
      new Uint8Array(caseDocs.length),
      new Uint8Array(texts.length),
    );
  }

  /** The segment as it stands now (dead marks copied: later removals change them in place). */
  saved(): SavedSegment {
    const docs = this.caseDocs;
    return {
      cases: {
        ids: docs.map((c) => c.id),
        titles: docs.map((c) => c.title),
        partnerships: docs.map((c) => c.partnership),
        children: docs.map((c) => c.lower.child),
        summaries: docs.map((c) => c.lower.summary),
      },
      statements: this.statementDocs,
      casePostings: this.cases.parts(),
      statementPostings: this.statements.parts(),
      deadCases: this.deadCases.slice(),
      deadStatements: this.deadStatements.slice(),
    };
  }

  /** A saved segment back in memory; throws when its parts do not fit together. */
  static fromSaved(saved: SavedSegment): Segment {
    const { ids, titles, partnerships, children, summaries } = saved.cases;
    const n = ids.length;
    const m = saved.statements.ids.length;
    const fits =
      [titles, partnerships, children, summaries, saved.deadCases].every((c) => c.length === n) &&
      saved.casePostings.size === n &&
      [
        saved.statements.texts,
        saved.statements.kinds,
        saved.statements.caseOf,
        saved.statements.sourceOf,
      ].every((c) => c.length === m) &&
      saved.statementPostings.size === m &&
      saved.deadStatements.length === m &&
      [saved.casePostings, saved.statementPostings].every(
        (p) => p.start.length === p.terms.length + 1 && p.start[p.terms.length] === p.postings.length,
      );
    if (!fits) throw new Error('the columns of a segment differ in length');
    const caseDocs = ids.map((id, d): CaseDocument => {
      const title = titles[d] ?? '';
      const partnership = partnerships[d] ?? null;
      return {
        id,
        title,
        partnership,
        lower: {
          title: title.toLowerCase(),
          child: children[d] ?? null,
          partnership: partnership?.toLowerCase() ?? null,
          summary: summaries[d] ?? null,
        },
      };
    });
    return new Segment(
      caseDocs,
      new StatementColumns(saved.statements),
      new PostingSegment(saved.casePostings),
      new PostingSegment(saved.statementPostings),
      saved.deadCases,
      saved.deadStatements,
    );
  }

  get size(): number {
    return this.caseDocs.length + this.statementDocs.length;
  }
}

/** What changed in the graph since the documents were read. */
export interface Removal {
  /** Reviews whose documents (and statements) are to go: removed, or to be read again. */
  cases: ReadonlySet<string>;
  /** Statements of these sources go. */
  sources: ReadonlySet<string>;
  /** Every review the graph holds now (documents of any other review go). */
  present: ReadonlySet<string>;
}

const MAX_SEGMENTS = 6;
/** Share of dead documents past which the live ones are written into one segment. */
const MAX_DEAD_SHARE = 0.3;

/** A hit with how well its caption matches: 0 = equal to the needle, 1 = starts with it, 2 = contains it. */
type Ranked = SearchHit & { tier: number };

const byCaption = (a: Ranked, b: Ranked) =>
  a.tier - b.tier || compareText(a.caption, b.caption) || compareText(a.id, b.id);

/** The best `max` hits seen, kept sorted; a hit worse than the last kept is turned away at once. */
class Best {
  readonly hits: Ranked[] = [];
  constructor(
    private readonly max: number,
    private readonly compare: (a: Ranked, b: Ranked) => number,
  ) {}

  /** Whether a hit with this tier, caption and id would be kept (for byCaption order). */
  takes(tier: number, caption: string, id: string): boolean {
    const last = this.hits.length >= this.max ? this.hits[this.hits.length - 1] : undefined;
    if (!last) return true;
    return (tier - last.tier || compareText(caption, last.caption) || compareText(id, last.id)) < 0;
  }

  offer(hit: Ranked): void {
    const { hits } = this;
    if (hits.length >= this.max) {
      const last = hits[hits.length - 1];
      if (last && this.compare(hit, last) >= 0) return;
      hits.pop();
    }
    let i = hits.length;
    while (i > 0 && this.compare(hit, hits[i - 1] as Ranked) < 0) i--;
    hits.splice(i, 0, hit);
  }
}

function tierOf(caption: string, q: string): number {
  // ASCII is compared a character at a time, without copying; anything else is lower-cased whole.
  for (let i = 0; i < q.length; i++) {
    const c = caption.charCodeAt(i);
    if (Number.isNaN(c) || c >= 128) return tierLowerCased(caption, q);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== q.charCodeAt(i)) return 2;
  }
  // Lower-casing never shortens a text, so a longer caption only starts with the needle.
  return caption.length === q.length ? 0 : 1;
}

function tierLowerCased(caption: string, q: string): number {
  const lower = caption.toLowerCase();
  return lower === q ? 0 : lower.startsWith(q) ? 1 : 2;
}

export interface SearchIndexStats {
  segments: number;
  cases: number;
  statements: number;
  dead: number;
  terms: number;
  /** Bytes of postings, offsets and terms. */
  postingBytes: number;
}

export class SearchIndex {
  private segments: Segment[] = [];

  /** An index made of saved segments (saved-search.ts); throws when one does not fit together. */
  static fromSaved(segments: readonly SavedSegment[]): SearchIndex {
    const index = new SearchIndex();
    index.segments = segments.map((s) => Segment.fromSaved(s));
    return index;
  }

  /** Every segment as it stands now, for saving. */
  saved(): SavedSegment[] {
    return this.segments.map((s) => s.saved());
  }

  /** Adds documents as one new segment (those of a review or statement read again replace the old ones). */
  add(cases: readonly CaseDocument[], statements: readonly StatementDocument[]): void {
    if (cases.length + statements.length === 0) return;
    this.segments.push(Segment.build(cases, statements));
    this.compactIfNeeded();
  }

  /** Marks dead every document the change takes away. */
  remove(change: Removal): void {
    for (const segment of this.segments) {
      segment.caseDocs.forEach((doc, d) => {
        if (segment.deadCases[d] || (!change.cases.has(doc.id) && change.present.has(doc.id))) return;
        segment.deadCases[d] = 1;
        segment.live--;
      });
      const docs = segment.statementDocs;
      const caseGone = docs.caseIds.map((id) => change.cases.has(id) || !change.present.has(id));
      const sourceGone = docs.sourceIds.map((id) => change.sources.has(id));
      for (let d = 0; d < docs.length; d++) {
        if (segment.deadStatements[d]) continue;
        if (!caseGone[docs.caseOf[d] ?? 0] && !sourceGone[docs.sourceOf[d] ?? 0]) continue;
        segment.deadStatements[d] = 1;
        segment.live--;
      }
    }
    this.segments = this.segments.filter((s) => s.live > 0);
  }

  private compactIfNeeded(): void {
    const total = this.segments.reduce((n, s) => n + s.size, 0);
    const live = this.segments.reduce((n, s) => n + s.live, 0);
    if (this.segments.length <= MAX_SEGMENTS && total - live <= MAX_DEAD_SHARE * total) return;
    const cases: CaseDocument[] = [];
    const statements: StatementDocument[] = [];
    for (const s of this.segments) {
      s.caseDocs.forEach((doc, d) => {
        if (!s.deadCases[d]) cases.push(doc);
      });
      for (let d = 0; d < s.statementDocs.length; d++) {
        if (!s.deadStatements[d]) statements.push(s.statementDocs.document(d));
      }
    }
    this.segments = cases.length + statements.length === 0 ? [] : [Segment.build(cases, statements)];
  }

  stats(): SearchIndexStats {
    let cases = 0;
    let statements = 0;
    let dead = 0;
    let terms = 0;
    let postingBytes = 0;
    for (const s of this.segments) {
      cases += s.caseDocs.length;
      statements += s.statementDocs.length;
      dead += s.size - s.live;
      terms += s.cases.termCount + s.statements.termCount;
      postingBytes += s.cases.bytes() + s.statements.bytes();
    }
    return { segments: this.segments.length, cases, statements, dead, terms, postingBytes };
  }

  /** The store's search, answered from memory: at most `limit` hits. */
  search(input: string, limit: number, taxonomy: SearchTaxonomy): SearchHit[] {
    const q = searchNeedle(input);
    const max = Math.floor(limit);
    if (q === '' || max < 1) return [];
    const needle = needleOf(q);
    const perKind = {
      theme: new Best(max, byCaption),
      harmType: new Best(max, byCaption),
      agency: new Best(max, byCaption),
      case: new Best(max, byCaption),
      partnership: new Best(max, byCaption),
      learning: new Best(max, byCaption),
      recommendation: new Best(max, byCaption),
    };
    const bySummary = new Best(max, (a, b) => compareText(a.caption, b.caption) || compareText(a.id, b.id));
    for (const [kind, list] of [
      ['theme', taxonomy.themes],
      ['harmType', taxonomy.harmTypes],
      ['agency', taxonomy.agencies],
    ] as const) {
      for (const t of list) {
        if (t.label.toLowerCase().includes(q))
          perKind[kind].offer({ kind, id: t.id, caption: t.label, caseId: null, tier: tierOf(t.label, q) });
      }
    }
    for (const segment of this.segments) {
      this.searchCases(segment, needle, perKind.case, perKind.partnership, bySummary);
      this.searchStatements(segment, needle, perKind.learning, perKind.recommendation);
    }
    const ranked = Object.values(perKind)
      .flatMap((best) => best.hits)
      .sort(compareSearchHits)
      .slice(0, max);
    const hits = [...ranked, ...bySummary.hits].slice(0, max);
    return hits.map(({ tier: _tier, ...hit }) => hit);
  }

  private searchCases(segment: Segment, needle: Needle, cases: Best, partnerships: Best, bySummary: Best) {
    const q = needle.text;
    const marks = segment.cases.candidates(needle);
    segment.caseDocs.forEach((doc, d) => {
      if ((marks !== null && marks[d] !== 1) || segment.deadCases[d]) return;
      const { lower } = doc;
      const byName = lower.title.includes(q) || (lower.child?.includes(q) ?? false);
      if (byName) {
        cases.offer({
          kind: 'case',
          id: doc.id,
          caption: doc.title,
          caseId: null,
          tier: tierOf(doc.title, q),
        });
        return;
      }
      if (doc.partnership !== null && lower.partnership?.includes(q)) {
        partnerships.offer({
          kind: 'partnership',
          id: doc.id,
          caption: doc.partnership,
          caseId: doc.id,
          tier: tierOf(doc.partnership, q),
        });
        return;
      }
      if (lower.summary?.includes(q))
        bySummary.offer({ kind: 'case', id: doc.id, caption: doc.title, caseId: null, tier: 0 });
    });
  }

  private searchStatements(segment: Segment, needle: Needle, learning: Best, recommendations: Best) {
    const q = needle.text;
    const marks = segment.statements.candidates(needle);
    const docs = segment.statementDocs;
    for (let d = 0; d < docs.length; d++) {
      if ((marks !== null && marks[d] !== 1) || segment.deadStatements[d]) continue;
      const text = docs.texts[d] ?? '';
      if (!needle.single && !text.toLowerCase().includes(q)) continue;
      const best = docs.kinds[d] === 0 ? learning : recommendations;
      const tier = tierOf(text, q);
      const id = docs.ids[d] ?? '';
      if (!best.takes(tier, text, id)) continue;
      const { kind, caseId } = docs.document(d);
      best.offer({ kind, id, caption: text, caseId, tier });
    }
  }
}
