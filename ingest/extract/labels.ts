/**
 * Statement labels: the phrases that introduce a list of learning points, findings, recommendations or
 * actions ("Learning includes:", "Key findings include:", "Recommendations for the board include:",
 * "Makes recommendations to the trust to ...", "Makes no recommendations but ... including:"), and the
 * phrases that end such a list ("Other resources", "Full report", "Keywords:").
 *
 * Labels are only recognised where a clause can begin: at the start of a line, or after the end of a
 * sentence. That keeps "issues around information sharing" inside a learning list from being read as a
 * new label.
 */

export type LabelKind = 'learning' | 'recommendations' | 'actions' | 'stop';

export interface StatementLabel {
  kind: LabelKind;
  /** Where the label phrase begins. */
  start: number;
  /** Where the list it introduces begins (just after the colon, or after "... to" for inline forms). */
  end: number;
  /** The addressee printed in the label, verbatim ("the Director of Children's Services"), else null. */
  targetHint: string | null;
  /** Whether the hint belongs to every statement of the list or only to the first one. */
  hintScope: 'all' | 'first';
}

interface Pattern {
  kind: LabelKind;
  re: RegExp;
  hintScope?: 'first';
}

const VERB =
  '(?:include[sd]?|including|focus(?:es)? on|identified|relate to|are|were|is|covers?|highlighted|raised|made)';
const HINT = '(?<hint>[^.:;]{1,80}?)';

/** Tried in order at each clause start; the first match wins. */
const PATTERNS: readonly Pattern[] = [
  {
    kind: 'stop',
    re: /(?:other\s+resources\b|full\s+(?:overview\s+)?(?:report|document)\b|read\s+(?:the\s+)?(?:full\s+|practice\s+)?(?:report|review|overview)\b|keywords?\s*:|good\s+practice(?:\s+\w+){0,2}\s*:|linked\s+research\b|find\s+(?:the\s+)?report\b)/iy,
  },
  { kind: 'actions', re: /makes?\s+no\s+recommendations\b[^.:;\n]*:/iy },
  { kind: 'stop', re: /(?:makes?\s+no\s+recommendations|no\s+recommendations\s+(?:were|are)\s+made)\b/iy },
  {
    kind: 'recommendations',
    re: new RegExp(`makes?\\s+recommendations\\s+to\\s+${HINT}\\s+to\\s+(?=[a-z])`, 'iy'),
    hintScope: 'first',
  },
  {
    kind: 'recommendations',
    re: /makes?\s+(?:\w+\s+)?recommendations\s+(?:around|about|on|regarding|relating\s+to|in\s+relation\s+to|concerning|covering)\s+/iy,
  },
  {
    kind: 'recommendations',
    re: new RegExp(
      `(?:the\\s+(?:review|report)\\s+)?makes?\\s+(?:\\w+\\s+)?recommendations(?:\\s+(?:for|to)\\s+${HINT})?,?(?:\\s+(?:including|include|includes|which\\s+include|as\\s+follows))?\\s*:`,
      'iy',
    ),
  },
  {
    kind: 'recommendations',
    re: new RegExp(
      `recommends(?:\\s+that)?\\s+${HINT}\\s+(?:consider|considers|should|to|review|ensure)\\b[^.:;]{0,80}:`,
      'iy',
    ),
  },
  {
    kind: 'recommendations',
    re: new RegExp(
      `(?:key\\s+|main\\s+)?recommendations(?:\\s+(?:for|to)\\s+${HINT})?(?:\\s+${VERB})?\\s*:`,
      'iy',
    ),
  },
  {
    kind: 'actions',
    re: new RegExp(`(?:key\\s+)?actions(?:\\s+(?:taken|initiated|agreed))?(?:\\s+${VERB})?\\s*:`, 'iy'),
  },
  {
    kind: 'learning',
    re: new RegExp(
      `(?:key\\s+|main\\s+|other\\s+)?(?:learning(?:\\s+(?:points?|themes?|lessons?|areas?))?|findings|lessons(?:\\s+learn[et]d?)?|issues(?:\\s+identified)?|themes)(?:\\s+(?:for|from)\\s+[^.:;\\n]{1,60}?\\s+${VERB}|\\s+${VERB})?\\s*:`,
      'iy',
    ),
  },
  {
    kind: 'learning',
    re: /identifie[sd]\s+(?:findings|learning|issues|lessons)(?:,?\s+includ(?:es|ing))?\s*:/iy,
  },
];

const CLAUSE_KEYWORD = /\b(learning|findings|lessons|issues|themes|messages|recommendations?|actions)\b/gi;
/** "The review identified the following learning:", "The partnership has made four recommendations:". */
const ANNOUNCING =
  /\b(?:the\s+following|(?:has|have|had)\s+(?:made|agreed|identified|set\s+out)|makes|made|identifie[sd]|agreed|sets\s+out)\b[^.;:]{0,40}$/i;
/** "They include:" after a sentence that speaks of recommendations or learning. */
const FOLLOW_ON = /^\s*(?:these|they|those|which)\s+(?:include|includes|are|were|included)\s*$/i;
const CLAUSE_ENDING =
  /(?:include[sd]?|including|are|were|identified|focus(?:es)? on|relate to|covers?|highlighted|as follows)\s*,?\s*$/i;

/** Every word a specific pattern can begin with; other clauses only get the generic clause test. */
const FIRST_WORDS = new Set(
  'these they those which other full read keyword keywords good linked find makes make no the recommends key main recommendations actions learning findings lessons issues themes identifies identified'.split(
    ' ',
  ),
);
const FIRST_WORD = /[A-Za-z]+/y;

export function cachedLabelAt(text: string, pos: number, cache?: LabelCache): StatementLabel | null {
  if (!cache) return labelAt(text, pos);
  let label = cache.get(pos);
  if (label === undefined) {
    label = labelAt(text, pos);
    cache.set(pos, label);
  }
  return label;
}

/** A recognised label starting exactly at `pos` (after optional list/emphasis markers), else null. */
export function labelAt(text: string, pos: number): StatementLabel | null {
  const start = skipDecoration(text, pos);
  FIRST_WORD.lastIndex = start;
  const word = FIRST_WORD.exec(text)?.[0].toLowerCase();
  if (!word || !FIRST_WORDS.has(word)) return clauseLabel(text, start);
  for (const p of PATTERNS) {
    p.re.lastIndex = start;
    const m = p.re.exec(text);
    if (!m) continue;
    return {
      kind: p.kind,
      start,
      end: p.kind === 'stop' ? start + m[0].length : skipAfterColon(text, start + m[0].length),
      targetHint: cleanHint(m.groups?.hint),
      hintScope: p.hintScope ?? 'all',
    };
  }
  return clauseLabel(text, start);
}

/**
 * A whole clause ending in a colon that announces a list ("Uses a systems method to identify findings,
 * including:", "Key messages from the report include:"). The keyword must sit near the colon so a long
 * sentence merely mentioning "learning" does not count.
 */
const CLAUSE = /[^.;:!?\n]{1,220}:/y;

function clauseLabel(text: string, start: number): StatementLabel | null {
  const colon = text.indexOf(':', start);
  if (colon === -1 || colon - start > 220) return null;
  CLAUSE.lastIndex = start;
  const hit = CLAUSE.exec(text);
  if (!hit) return null;
  const clause = hit[0].slice(0, -1);
  const keywords = [...clause.matchAll(CLAUSE_KEYWORD)];
  const last = keywords[keywords.length - 1];
  if (!last || last.index === undefined) return followOnLabel(text, start, clause);
  const tail = clause.slice(last.index + last[0].length);
  const words = clause.trim().split(/\s+/);
  const short =
    words.length <= 5 &&
    (tail.trim() === '' ||
      /^(?:key\s+|main\s+)?\S+$/i.test(clause.trim().slice(0, last.index + last[0].length)));
  const announced = tail.trim() === '' && ANNOUNCING.test(clause.slice(0, last.index));
  if (!short && !announced && (tail.length > 60 || !CLAUSE_ENDING.test(clause))) return null;
  const end = skipAfterColon(text, start + hit[0].length);
  if (/no\s+recommendations/i.test(clause))
    return { kind: 'actions', start, end, targetHint: null, hintScope: 'all' };
  const kind: LabelKind = /recommend|actions/i.test(last[0]) ? 'recommendations' : 'learning';
  return { kind, start, end, targetHint: null, hintScope: 'all' };
}

function followOnLabel(text: string, start: number, clause: string): StatementLabel | null {
  if (!FOLLOW_ON.test(clause)) return null;
  const before = text.slice(Math.max(0, start - 240), start);
  const keywords = [...before.matchAll(CLAUSE_KEYWORD)];
  const last = keywords[keywords.length - 1];
  if (!last) return null;
  const end = skipAfterColon(text, start + clause.length + 1);
  const kind: LabelKind = /recommend|actions/i.test(last[0]) ? 'recommendations' : 'learning';
  return { kind, start, end, targetHint: null, hintScope: 'all' };
}

function skipDecoration(text: string, pos: number): number {
  const re = /(?:[-•▪●◦]\s+|\*\*|__|\*(?=\S))*/y;
  re.lastIndex = pos;
  const m = re.exec(text);
  return pos + (m ? m[0].length : 0);
}

function skipAfterColon(text: string, pos: number): number {
  const re = /(?:\*\*|__|\*)?(?:[ \t]*-(?=\s))?/y;
  re.lastIndex = pos;
  const m = re.exec(text);
  return pos + (m ? m[0].length : 0);
}

function cleanHint(hint: string | undefined): string | null {
  const h = hint?.replace(/\s+/g, ' ').trim();
  return h ? h : null;
}

/** Offsets in [from, to) where a clause may begin: line starts and sentence starts, in order. */
export function clauseStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [skipSpace(text, from)];
  const re = /\n[ \t\u00a0]*|[.!?]["'’”)\]*]*[ \t\u00a0]+(?=[A-Z*"'‘“[])/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index + m[0].length;
    if (start < to && start > (starts[starts.length - 1] as number)) starts.push(start);
  }
  return starts.filter((s) => s < to);
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos] ?? '')) pos += 1;
  return pos;
}

/** Labels already looked up, by clause start, for texts that are read several times. */
export type LabelCache = Map<number, StatementLabel | null>;

/** Every label in [from, to), in order, never overlapping. */
export function findLabels(text: string, from: number, to: number, cache?: LabelCache): StatementLabel[] {
  const out: StatementLabel[] = [];
  let floor = from;
  for (const pos of clauseStarts(text, from, to)) {
    if (pos < floor) continue;
    const label = cachedLabelAt(text, pos, cache);
    if (!label || label.start >= to) continue;
    out.push(label);
    floor = label.end;
  }
  return out;
}
