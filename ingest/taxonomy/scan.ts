/**
 * Finds every taxonomy entry's matches in a text in one pass. Patterns that start at a word boundary are
 * filed under the word (or two words, or first letters) a match can start with; the scan walks the words of
 * the text and tries, anchored at each word, only the patterns filed under it. The few patterns whose start
 * cannot be worked out run over the whole text, behind a literal check.
 */
import { accepts, type CompiledEntry, findAll, type Matcher, overlaps, type Span } from './compile.ts';
import { type StartKey, startKeys } from './prefix.ts';

interface Keyed {
  entry: number;
  matcher: Matcher;
  /** Sticky copy of the matcher's regex, so `exec` only tries the position it is given. */
  sticky: RegExp;
  serial: number;
  /** A weak phrase: its matches count only with context in the same sentence. */
  weak: boolean;
}

export interface ScanIndex {
  entries: readonly CompiledEntry[];
  /** By first word; `next` holds the patterns keyed by their first two words, by second word. */
  byWord: Map<string, { keyed: Keyed[]; next: Map<string, Keyed[]> | null }>;
  byPrefix: Map<string, Keyed[]>;
  unkeyed: Array<{ entry: number; matcher: Matcher; weak: boolean }>;
  /** Per keyed matcher: the scan-relative position it was last tried at (tried once per position). */
  triedAt: Float64Array;
}

const PREFIX_LENGTH = 3;
const WORD = /\w+/g;
/** Positions are stamped with a per-scan base so `triedAt` never needs clearing. */
let scanBase = 0;

export function buildScanIndex(entries: readonly CompiledEntry[]): ScanIndex {
  const byWord: ScanIndex['byWord'] = new Map();
  const byPrefix: ScanIndex['byPrefix'] = new Map();
  const unkeyed: ScanIndex['unkeyed'] = [];
  let serial = 0;
  entries.forEach((entry, index) => {
    const all = [
      ...entry.matchers.map((m) => [m, false] as const),
      ...entry.weak.map((m) => [m, true] as const),
    ];
    for (const [matcher, weak] of all) {
      const keys = startKeys(matcher.regex.source);
      if (keys === null) {
        unkeyed.push({ entry: index, matcher, weak });
        continue;
      }
      const sticky = new RegExp(matcher.regex.source, 'iy');
      const keyed = { entry: index, matcher, sticky, serial: serial++, weak };
      for (const key of keys) file(byWord, byPrefix, key, keyed);
    }
  });
  return { entries, byWord, byPrefix, unkeyed, triedAt: new Float64Array(serial).fill(-1) };
}

function file(
  byWord: ScanIndex['byWord'],
  byPrefix: ScanIndex['byPrefix'],
  key: StartKey,
  keyed: Keyed,
): void {
  if (key.kind === 'prefix') {
    push(byPrefix, key.key, keyed);
    return;
  }
  const [first = '', second] = key.kind === 'two' ? key.key.split(' ') : [key.key];
  const slot = byWord.get(first) ?? { keyed: [], next: null };
  byWord.set(first, slot);
  if (second === undefined) {
    slot.keyed.push(keyed);
    return;
  }
  slot.next ??= new Map();
  push(slot.next, second, keyed);
}

function push(map: Map<string, Keyed[]>, key: string, keyed: Keyed): void {
  const list = map.get(key);
  if (list) list.push(keyed);
  else map.set(key, [keyed]);
}

/** Each entry's matches in `text` (by entry position in `index.entries`), exclusions applied, no overlaps. */
export function scanEntries(index: ScanIndex, text: string): Map<number, Span[]> {
  const lower = text.toLowerCase();
  // Lower-casing can change the length of a few non-English characters; offsets must stay those of `text`.
  const folded = lower.length === text.length;
  const source = folded ? lower : text;
  const run: Run = { index, text, base: scanBase, found: new Map(), weak: new Map() };
  scanBase += text.length + 1;
  WORD.lastIndex = 0;
  let current = WORD.exec(source);
  while (current !== null) {
    const next = WORD.exec(source);
    const word = folded ? current[0] : current[0].toLowerCase();
    const at = current.index;
    const slot = index.byWord.get(word);
    if (slot !== undefined) {
      tryAt(run, slot.keyed, at);
      if (slot.next !== null && next !== null) {
        tryAt(run, slot.next.get(folded ? next[0] : next[0].toLowerCase()), at);
      }
    }
    if (index.byPrefix.size > 0 && word.length >= PREFIX_LENGTH) {
      tryAt(run, index.byPrefix.get(word.slice(0, PREFIX_LENGTH)), at);
    }
    current = next;
  }
  for (const { entry, matcher, weak } of index.unkeyed) {
    for (const span of findAll(matcher, text, lower)) add(weak ? run.weak : run.found, entry, span);
  }
  applyContext(index, run, lower);
  return applyExclusions(index, run.found, text);
}

interface Run {
  index: ScanIndex;
  text: string;
  base: number;
  found: Map<number, Span[]>;
  /** Matches of weak phrases, waiting for their context to be checked. */
  weak: Map<number, Span[]>;
}

function tryAt(run: Run, candidates: Keyed[] | undefined, at: number): void {
  if (candidates === undefined) return;
  const stamp = run.base + at;
  const triedAt = run.index.triedAt;
  for (const c of candidates) {
    if (triedAt[c.serial] === stamp) continue;
    triedAt[c.serial] = stamp;
    c.sticky.lastIndex = at;
    const m = c.sticky.exec(run.text);
    if (m === null || m[0].length === 0 || !accepts(c.matcher, m[0])) continue;
    add(c.weak ? run.weak : run.found, c.entry, { start: at, end: at + m[0].length });
  }
}

function add(found: Map<number, Span[]>, entry: number, span: Span): void {
  const list = found.get(entry);
  if (list) list.push(span);
  else found.set(entry, [span]);
}

/** How far a sentence is searched for context either side of a weak match. */
const SENTENCE_REACH = 300;

/** . ! ? ; and line breaks end a sentence (or a list item). */
function endsSentence(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 10;
}

/** Keeps the weak matches whose sentence also has one of their entry's context phrases. */
function applyContext(index: ScanIndex, run: Run, lower: string): void {
  for (const [i, spans] of run.weak) {
    const context = index.entries[i]?.context ?? [];
    for (const span of spans) {
      const sentence = sentenceAround(run.text, span);
      const window = run.text.slice(sentence.start, sentence.end);
      const windowLower =
        lower.length === run.text.length ? lower.slice(sentence.start, sentence.end) : window.toLowerCase();
      const local = { start: span.start - sentence.start, end: span.end - sentence.start };
      const found = context.some((m) => findAll(m, window, windowLower).some((x) => !overlaps(local, x)));
      if (found) add(run.found, i, span);
    }
  }
}

/** The sentence (or list item) around a span, as far as SENTENCE_REACH either side. */
export function sentenceAround(text: string, span: Span): Span {
  let start = span.start;
  const floor = Math.max(0, span.start - SENTENCE_REACH);
  while (start > floor && !endsSentence(text.charCodeAt(start - 1))) start--;
  let end = span.end;
  const ceiling = Math.min(text.length, span.end + SENTENCE_REACH);
  while (end < ceiling && !endsSentence(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Exclusions are checked only near each match: a longer phrase around it that means something else. */
const EXCLUSION_REACH = 80;

function applyExclusions(index: ScanIndex, found: Map<number, Span[]>, text: string): Map<number, Span[]> {
  for (const [i, spans] of found) {
    const exclusions = index.entries[i]?.exclusions ?? [];
    const kept = exclusions.length === 0 ? spans : spans.filter((s) => !excludedAt(exclusions, text, s));
    if (kept.length === 0) found.delete(i);
    else found.set(i, withoutOverlaps(kept));
  }
  return found;
}

function excludedAt(exclusions: readonly Matcher[], text: string, span: Span): boolean {
  const from = Math.max(0, span.start - EXCLUSION_REACH);
  const window = text.slice(from, Math.min(text.length, span.end + EXCLUSION_REACH));
  const lower = window.toLowerCase();
  const local = { start: span.start - from, end: span.end - from };
  return exclusions.some((m) => findAll(m, window, lower).some((x) => overlaps(local, x)));
}

/** Keeps the earliest (then longest) of overlapping matches, in text order. */
export function withoutOverlaps(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) continue;
    out.push(span);
  }
  return out;
}
