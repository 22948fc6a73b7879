/**
 * Joins a line with the next when the text was wrapped there, repairing words split by a line-end hyphen
 * ("safe-" + "guarding") while keeping real compounds ("multi-" + "agency").
 */
export class LineJoiner {
  private readonly words: Set<string>;

  /** `allText` is every line of the document: a word written whole or hyphenated elsewhere settles it. */
  constructor(allText: readonly string[]) {
    this.words = new Set(allText.flatMap((line) => line.toLowerCase().match(WORD) ?? []));
  }

  join(before: string, after: string): string {
    // A soft hyphen marks a break the layout chose inside a word.
    if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
    if (/[\p{L}\p{N}]-$/u.test(before) && /^[\p{L}\p{N}]/u.test(after)) {
      return this.keepsHyphen(before, after) ? before + after : before.slice(0, -1) + after;
    }
    // A line may break after a slash or a dash written without spaces ("fathers/" + "carers").
    if (/[/—]$/.test(before)) return before + after;
    return `${before} ${after}`;
  }

  private keepsHyphen(before: string, after: string): boolean {
    const head = /(\S+)-$/.exec(before)?.[1] ?? '';
    const tail = /^[\p{L}\p{N}'’-]+/u.exec(after)?.[0] ?? '';
    const first = head.toLowerCase().replace(/^\W+/, '');
    const second = tail.toLowerCase().replace(/\W+$/, '');
    if (this.words.has(`${first}-${second}`)) return true;
    if (this.words.has(`${first}${second}`) || COMMON_WORDS.has(`${first}${second}`)) return false;
    // "nine-month-" + "old", "Non-" + "Accidental", "Covid-" + "19": parts of a written compound.
    if (first.includes('-') || /^[\p{Lu}\p{N}]/u.test(tail) || /\d/.test(first)) return true;
    // Addresses and file names are never hyphenated by a layout engine ("wp-" + "content").
    if (/[/.@]/.test(head)) return true;
    return COMPOUND_PREFIXES.has(first) || COMPOUND_SECOND_PARTS.has(second);
  }
}

const WORD = /\p{L}+(?:-\p{L}+)*/gu;

/** First parts that make hyphenated compounds rather than whole words. */
const COMPOUND_PREFIXES = new Set([
  'multi',
  'non',
  'sub',
  'age',
  'self',
  'cross',
  'well',
  'co',
  'pre',
  'post',
  'anti',
  'semi',
  'ex',
  'full',
  'part',
  'half',
  'face',
  'step',
  'mid',
  'long',
  'short',
  'high',
  'low',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'year',
  'month',
  'week',
  'day',
  'child',
  'young',
  'front',
]);

/** Second parts that follow a hyphen in common compounds ("follow-up", "risk-based", "joint-agency"). */
const COMPOUND_SECOND_PARTS = new Set([
  'up',
  'on',
  'off',
  'out',
  'based',
  'led',
  'related',
  'specific',
  'wide',
  'aged',
  'old',
  'term',
  'making',
  'informed',
  'focused',
  'centred',
  'centered',
  'like',
  'free',
  'level',
  'agency',
  'agencies',
  'professional',
]);

/**
 * Whole words of this domain that are often split at a line end; joined, they settle the doubt when the
 * document does not contain them whole.
 */
const COMMON_WORDS = new Set([
  'safeguarding',
  'intervention',
  'interventions',
  'understanding',
  'professional',
  'professionals',
  'assessment',
  'assessments',
  'information',
  'recommendation',
  'recommendations',
  'involvement',
  'management',
  'partnership',
  'practitioners',
  'practitioner',
  'responsibility',
  'responsibilities',
  'circumstances',
  'vulnerability',
  'environment',
  'development',
  'relationship',
  'relationships',
  'communication',
  'overwhelming',
  'understood',
  'undertaken',
  'independent',
  'investigation',
  'appropriate',
  'organisation',
  'organisations',
  'significant',
  'supervision',
]);
