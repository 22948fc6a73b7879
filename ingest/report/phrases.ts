/**
 * Candidate themes: word sequences (2 to 4 words) that recur across learning and recommendation statements
 * but that no taxonomy entry matches yet. A curator reads these to decide what to add to taxonomy.yaml.
 * Words inside an existing match are masked before counting, so pieces of known phrases ("child sexual"
 * from "child sexual abuse") are not suggested either.
 */

export interface Span {
  start: number;
  end: number;
}

export interface PhraseSource {
  text: string;
  file: string;
  caseTitle: string;
}

export interface CandidatePhrase {
  phrase: string;
  /** How many statements contain it (each statement counts once). */
  statements: number;
  /** Up to three places it occurs. */
  examples: Array<{ file: string; caseTitle: string }>;
}

export interface CandidateOptions {
  minStatements: number;
  limit: number;
}

const MIN_WORDS = 2;
const MAX_WORDS = 4;
const EXAMPLES = 3;

const STOP_WORDS = new Set(
  `a an the and or nor but if of to in on for with by at from as into onto about between within across through
  over under after before during without against among amongst upon via per than then so also both each either
  neither other own same such only very too just is are was were be been being am do does did done has have had
  having can could should would may might must will shall it its it's this that these those there their they
  them theirs which who whom whose what when where why how not no all any some more most many much few less
  he she his her him hers we our ours us you your i me my one two three first second new well way ways
  including include includes included around whether while whilst where there's need needs needed ensure
  ensuring importance important particularly regarding relation relating related use using used issues issue
  make makes made making take taken given give able further help within lack
  child children young people person family families parent parents safeguarding safeguard professionals
  professional practitioners practice support supporting working work agency agencies service services
  local case cases review reviews concerns concern impact potential effective robust clear appropriate
  improve improved improving develop developing development consider considering understanding understand
  identified identify identifying process processes staff need better good poor`
    .split(/\s+/)
    .filter(Boolean),
);

/** Phrases that occur in at least `minStatements` statements outside `covered` stretches, most frequent first. */
export function candidatePhrases(
  sources: readonly PhraseSource[],
  covered: (text: string) => Span[],
  options: CandidateOptions,
): CandidatePhrase[] {
  const found = new Map<string, CandidatePhrase>();
  for (const source of sources) {
    for (const phrase of new Set(phrasesOf(mask(source.text, covered(source.text))))) {
      const entry = found.get(phrase) ?? { phrase, statements: 0, examples: [] };
      entry.statements++;
      addExample(entry, source);
      found.set(phrase, entry);
    }
  }
  const frequent = [...found.values()].filter((c) => c.statements >= options.minStatements);
  return dropSubsumed(frequent)
    .sort(
      (a, b) =>
        b.statements - a.statements ||
        wordCount(b.phrase) - wordCount(a.phrase) ||
        a.phrase.localeCompare(b.phrase),
    )
    .slice(0, options.limit);
}

function addExample(entry: CandidatePhrase, source: PhraseSource): void {
  const seen = entry.examples.some((e) => e.file === source.file && e.caseTitle === source.caseTitle);
  if (!seen && entry.examples.length < EXAMPLES)
    entry.examples.push({ file: source.file, caseTitle: source.caseTitle });
}

/** Replaces covered stretches with a clause break, so no phrase is built across or from them. */
function mask(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, span.start)};${' '.repeat(Math.max(0, span.end - span.start - 1))}${out.slice(span.end)}`;
  }
  return out;
}

/** Every 2-4 word sequence inside one clause that neither starts nor ends with a stop word. */
export function phrasesOf(text: string): string[] {
  const phrases: string[] = [];
  for (const clause of text.toLowerCase().split(/[,;:.!?()[\]"\u201c\u201d\u2018/]+|\s[-\u2013\u2014]\s/)) {
    const words = clause
      .split(/\s+/)
      .map((w) => w.replace(/^[^a-z]+|[^a-z]+$/g, '').replace(/\u2019/g, "'"))
      .filter((w) => w.length > 0);
    for (let i = 0; i < words.length; i++) {
      for (let n = MIN_WORDS; n <= MAX_WORDS && i + n <= words.length; n++) {
        const gram = words.slice(i, i + n);
        if (isStop(gram[0]) || isStop(gram[gram.length - 1])) continue;
        if (gram.filter((w) => !isStop(w)).length < MIN_WORDS) continue;
        phrases.push(gram.join(' '));
      }
    }
  }
  return phrases;
}

function isStop(word: string | undefined): boolean {
  if (word === undefined) return true;
  const bare = word.replace(/'s?$/, '');
  return STOP_WORDS.has(word) || STOP_WORDS.has(bare) || bare.length < 2;
}

function wordCount(phrase: string): number {
  return phrase.split(' ').length;
}

/** A phrase adds nothing when a longer candidate containing it occurs just as often. */
function dropSubsumed(candidates: CandidatePhrase[]): CandidatePhrase[] {
  return candidates.filter(
    (c) =>
      !candidates.some(
        (other) =>
          other !== c &&
          other.statements === c.statements &&
          wordCount(other.phrase) > wordCount(c.phrase) &&
          ` ${other.phrase} `.includes(` ${c.phrase} `),
      ),
  );
}
