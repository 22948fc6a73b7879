/**
 * When a mention is not a fact about this case: it is negated ("no evidence of sexual abuse"), it sits in
 * the linked research that follows an entry, or its sentence is about a different review. Such mentions
 * create no links. Learning statements are exempt from negation: they describe what was missing ("lack of
 * information sharing"), which is exactly the theme.
 */
import { spacesAsWhitespace } from '../taxonomy/compile.ts';

/** Where a clause starts: punctuation or a contrasting conjunction resets what a negation applies to. */
const CLAUSE_BREAK = /[,;:]|\b(?:but|however|although|though|whereas|while|whilst|yet)\b/gi;
/** Phrases that negate whatever follows them in the same clause. */
const NEGATING_PHRASE = words(
  String.raw`\b(?:no (?:evidence|signs?|indications?|suggestion|history|concerns?|reports?|record|disclosure)s? (?:of|that|about|regarding|around|over|in relation to|for)|there (?:was|were|is|are) no (?:\w+ )?(?:evidence|indication|suggestion)s?|unlike|ruled out|considered (?:but|and) (?:ruled out|discounted|rejected)|rather than|instead of|other than|absence of|denied|free (?:of|from)|initially (?:thought|believed|assumed|suspected|recorded)|on suspicion of|suspected of|(?:not|un)(?:related|connected|linked) to)\b`,
  'i',
);
/** Short negations that apply only to the next few words: "not", "no", "never". */
const NEAR_NEGATION = words(
  String.raw`\b(?:not|never|no|nor any)\b(?:[\s\u2019'"-]+[\w\u2019'-]+){0,3}[\s\u2019'"-]*$`,
  'i',
);
/** Negations that follow the mention: "sexual abuse was ruled out". */
const NEGATED_AFTER = words(
  String.raw`^[^,;:.]{0,40}?\b(?:was|were|had been|has been|have been|is|are)\s+(?:subsequently\s+|later\s+|then\s+)?(?:ruled out|discounted|unfounded|unascertained|undetermined|considered (?:but|and) (?:ruled out|discounted|rejected)|(?:not|un)(?:related|connected|linked) to|not (?:substantiated|found|confirmed|present|a (?:factor|feature|concern)|suspected|thought to be|believed to be|considered to be))\b`,
  'i',
);
const WINDOW = 90;

/**
 * For themes, only hedges that deny the topic count: "no concerns about neglect", "domestic abuse was not a
 * feature". Plain negation is often the theme itself ("did not share information", "absence of
 * supervision"), so it is left alone.
 */
const HEDGE_BEFORE = words(
  String.raw`\b(?:no (?:evidence|signs?|indications?|suggestion|concerns?|history) (?:of|that|about|regarding|around|over|in relation to)|there (?:was|were|is|are) no (?:\w+ )?(?:evidence|indication|suggestion)s?|ruled out|considered (?:but|and) (?:ruled out|discounted|rejected)|on suspicion of|suspected of|(?:not|un)(?:related|connected|linked) to)\b`,
  'i',
);
const HEDGE_AFTER = words(
  String.raw`^[^,;:.]{0,40}?\b(?:was|were|had been|has been|is|are)\s+(?:subsequently\s+|later\s+|then\s+)?(?:ruled out|discounted|unfounded|unascertained|considered (?:but|and) (?:ruled out|discounted|rejected)|(?:not|un)(?:related|connected|linked) to|not (?:a (?:factor|feature|concern)|substantiated))\b`,
  'i',
);

/** Every hedge has one of these: without them the regular expressions need not run. */
const HEDGE_CUE =
  /\b(?:no|not|ruled|suspicion|suspected|unrelated|unconnected|unlinked|unascertained|unfounded|discounted)\b/i;

/** Whether a theme mention at [start, end), inside [unitStart, unitEnd), is hedged away. */
export function isHedged(
  text: string,
  start: number,
  end: number,
  unitStart: number,
  unitEnd: number,
): boolean {
  const near = text.slice(Math.max(unitStart, start - WINDOW), Math.min(unitEnd, end + 60));
  if (!HEDGE_CUE.test(near)) return false;
  const before = clauseBefore(text.slice(Math.max(unitStart, start - WINDOW), start));
  if (HEDGE_BEFORE.test(before)) return true;
  return HEDGE_AFTER.test(text.slice(end, Math.min(unitEnd, end + 60)));
}

/** Whether a mention at [start, end) of `text`, inside the unit [unitStart, unitEnd), is negated. */
export function isNegated(
  text: string,
  start: number,
  end: number,
  unitStart: number,
  unitEnd: number,
): boolean {
  const before = clauseBefore(text.slice(Math.max(unitStart, start - WINDOW), start));
  if (NEGATING_PHRASE.test(before) || NEAR_NEGATION.test(before)) return true;
  return NEGATED_AFTER.test(text.slice(end, Math.min(unitEnd, end + 60)));
}

function clauseBefore(window: string): string {
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(window); m !== null; m = CLAUSE_BREAK.exec(window)) {
    from = m.index + m[0].length;
  }
  return window.slice(from);
}

/** Markers of the resources that follow an entry: what comes after them is not about the case. */
const RESOURCES_MARKER = words(
  String.raw`^[ \t>#*\-\u2022]*(?:linked research|other resources|related (?:research|resources|reading)|further (?:reading|resources)|useful (?:links|resources)|references\s*$|resources\s*:)`,
  'im',
);

/** Offset (into `region`) where linked research or other resources begin, or region.length. */
export function resourcesStart(region: string): number {
  const m = RESOURCES_MARKER.exec(region);
  return m && m.index > 0 ? m.index : region.length;
}

const OTHER_REVIEW = words(
  String.raw`\b(?:another|a (?:previous|separate|different|similar|further|second|prior)|an (?:earlier|unrelated|other|older)|previous|earlier|prior) (?:(?:serious|child|local|national|safeguarding|practice|case|learning)\s+)*(?:review|SCR|LCSPR|CSPR)s?\b|\bin (?:another|a different|an unrelated|a separate|a similar) (?:case|family|review)\b|\b(?:in|during) (?:19|20)\d\d,? an? (?:serious case |safeguarding practice |practice )?review\b|\bunlike (?:in )?(?:the case of )?(?:child|baby|family)\b`,
  'i',
);
const PSEUDONYM = /\b(?:Child|Baby|Family|Sibling|Siblings|Infant)\s+['\u2018\u2019"]?([A-Z][A-Z]?)\b/g;

/** The single letters (and names) this case's child goes by: "Child B" -> B, "Siblings W and X" -> W, X. */
export function ownNames(child: string | null, title: string): Set<string> {
  const names = new Set<string>();
  for (const source of [child ?? '', title]) {
    for (const m of source.matchAll(PSEUDONYM)) names.add(m[1] ?? '');
    for (const m of source.matchAll(/\b(?:and|&)\s+['\u2018\u2019"]?([A-Z])\b/g)) names.add(m[1] ?? '');
    const plain = (child ?? '').trim();
    if (/^[A-Z][a-z]+$/.test(plain)) names.add(plain);
  }
  names.delete('');
  return names;
}

/**
 * Whether a sentence is about a different review: it says so ("in a previous serious case review",
 * "unlike Child B"), or it names only other children by pseudonym.
 */
export function isAboutOtherCase(sentence: string, names: ReadonlySet<string>): boolean {
  if (OTHER_REVIEW.test(sentence)) return true;
  if (names.size === 0) return false;
  let others = 0;
  for (const m of sentence.matchAll(PSEUDONYM)) {
    if (names.has(m[1] ?? '')) return false;
    others++;
  }
  if (others === 0) return false;
  return ![...names].some((name) => name.length > 1 && nameRegex(name).test(sentence));
}

const nameRegexes = new Map<string, RegExp>();

function nameRegex(name: string): RegExp {
  let regex = nameRegexes.get(name);
  if (!regex) {
    regex = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
    if (nameRegexes.size > 1000) nameRegexes.clear();
    nameRegexes.set(name, regex);
  }
  return regex;
}

/** A regular expression in which each space stands for any run of whitespace (line breaks, no-break spaces). */
function words(source: string, flags: string): RegExp {
  return new RegExp(spacesAsWhitespace(source), flags);
}
