/**
 * Whether a prose document is about a particular review, about a national or thematic publication, or
 * about reviews in general (how they are commissioned, what they are for). Counted from the cues in
 * cues.yaml, sentence by sentence, so a general page that mentions one example does not become a review.
 */
import { type ProseCues, proseCues } from './cues.ts';

export type Aboutness =
  | { kind: 'review'; national: boolean; stated: number | null; score: number }
  | { kind: 'not-a-review'; reason: string };

/**
 * `tiedSubjects`: children named in the same sentence as a review or report ("a serious case review into
 * the death of Child F", "Child E Serious Case Review"), which settles that the text is about a review.
 */
export function aboutness(
  text: string,
  title: string,
  tiedSubjects = 0,
  cues: ProseCues = proseCues(),
): Aboutness {
  const names = count(text, cues.reviewName) + count(text, cues.reviewAcronym);
  if (names === 0 && tiedSubjects === 0 && !/\breview/i.test(title)) {
    return { kind: 'not-a-review', reason: 'it names no kind of case review' };
  }
  const sentences = text.split(/(?<=[.!?])\s+|\n+/);
  let specific = 0;
  let general = 0;
  for (const s of sentences) {
    if (cues.specific.some((re) => re.test(s))) specific += 1;
    if (cues.general.some((re) => re.test(s))) general += 1;
  }
  const opening = `${title}\n${text.slice(0, 1500)}`;
  const national = cues.national.some((re) => re.test(opening));
  // A publication that analyses many reviews ("a biennial analysis of serious case reviews") is one itself.
  const publication = cues.nationalPublication.some((re) => re.test(opening));
  const titled = titleWeight(titleArea(title, text), cues);
  if (titled < 0) general += 2;
  const score = specific + Math.max(0, titled) + (publication ? 2 : national ? 1 : 0) + 3 * tiedSubjects;
  if (score < 2 || general * 2 > score + 1) {
    return {
      kind: 'not-a-review',
      reason:
        general > 0
          ? `it describes case reviews in general (${general} sentences about how reviews work, ${specific} about a particular review)`
          : 'it mentions case reviews but describes no particular review',
    };
  }
  return { kind: 'review', national, stated: statedCount(opening, cues), score };
}

/** The title and the first lines under it, where a report or minute names its subject. */
export function titleArea(title: string, text: string): string[] {
  return [title, ...openingLines(text, TITLE_AREA_LINES).filter((l) => l.length <= 160)];
}

/** The first `count` non-blank lines, trimmed, without a provenance line; reads no further than they go. */
export function openingLines(text: string, count: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < count && at <= text.length) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl === -1 ? text.length : nl).trim();
    if (line && !/^#?\s*source\s*:/i.test(line)) out.push(line);
    if (nl === -1) break;
    at = nl + 1;
  }
  return out;
}

const TITLE_AREA_LINES = 5;
/** Titles of pages about reviews in general: guidance, procedures, questions, courses, annual reports. */
const GENERAL_TITLE =
  /^(?:how|why|(?:what|when|who)\s+(?:is|are|do|does|should|can|will|to|happens)|guidance|procedures?|policy|protocol|training|new course|course|about|faqs?|frequently asked)\b|\b(?:course|training|procedures?|guidance|explained|annual report|templates?)\b/i;
/** Only heading-like lines of the title area can make it read as guidance. */
const HEADING_LIKE = (line: string) => line.length <= 100 && !/[.;,]$/.test(line);

/**
 * +2 when a heading line names one review ("Child Safeguarding Practice Review – published 2021",
 * "Publication of ... Child Practice Review 1"); a plural name counts when the line also speaks of
 * publication or heads a subject ("…: thematic reviews of …"). A title line that reads as guidance or
 * a course counts against (-2).
 */
function titleWeight(lines: string[], cues: ProseCues): number {
  let weight = 0;
  for (const line of lines) {
    if (HEADING_LIKE(line) && GENERAL_TITLE.test(line)) return -2;
    cues.reviewName.lastIndex = 0;
    cues.reviewAcronym.lastIndex = 0;
    const names = [...line.matchAll(cues.reviewName), ...line.matchAll(cues.reviewAcronym)];
    // A heading that names one review is about it; a sentence that names one may only define it ("A child
    // practice review takes place after...").
    const one = names.some((m) => !/s$/i.test(m[0]));
    if (one && HEADING_LIKE(line) && !/[:!?]$/.test(line)) weight = 2;
    else if (!one && names.length > 0 && /\b(?:published|publication)\b|:/i.test(line))
      weight = Math.max(weight, 1);
  }
  return weight;
}

/** "findings arising from two important thematic reviews" -> 2, when the opening says so. */
function statedCount(opening: string, cues: ProseCues): number | null {
  const m =
    /\b(two|three|four|five|six|both)\s+(?:[\p{L}-]+\s+){0,3}?(?:serious\s+case\s+|thematic\s+|case\s+|learning\s+|practice\s+|local\s+)*reviews\b/iu.exec(
      opening,
    );
  const word = m?.[1]?.toLowerCase();
  return word ? (cues.countWords.get(word) ?? null) : null;
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  return [...text.matchAll(re)].length;
}
