/**
 * Whether a harm mention is harm that happened to the subject child. A harm type is a fact about the case,
 * so these do not count: a parent's own history ("her own childhood experience of neglectful care",
 * "father's history of domestic abuse as a child"), a risk or a hypothetical ("at risk of sexual
 * exploitation", "could have been shaken"), and a sentence that leaves the cause open ("the cause of death
 * was unascertained"), and harm done to an adult ("murder of a female adult victim").
 */
import { spacesAsWhitespace } from '../taxonomy/compile.ts';
import type { Span } from './sentences.ts';

const RELATIVE =
  '(?:mother|father|mum|dad|parents?|step-?father|step-?mother|carers?|partner|grandmother|grandfather|grandparents?|uncle|aunt)';
/** Shortly before the mention, in its clause: whose history it is. */
const PARENT_HISTORY_BEFORE = words(
  String.raw`\b(?:${RELATIVE}(?:['\u2019]s|s['\u2019])? (?:own )?(?:history|experiences?|childhood|past|upbringing|background)|(?:her|his|their) own (?:history|experiences?|past|early life)|(?:her|his|their) (?:own )?(?:childhood|upbringing)|when (?:she|he|they) (?:was|were) (?:a )?(?:child|children|young|teenagers?|girl|boy)|as (?:a )?(?:child|teenager|young (?:girl|boy|woman|man))(?! (?:in need|protection|looked after))|${RELATIVE} (?:had |has )?(?:a )?(?:long |previous |known |significant )?history of|(?:had |has )?(?:himself |herself |themselves )?(?:grown|grew) up (?:with|in|around|amid))\b[^.;,]{0,60}$|\b${RELATIVE} (?:had|have|has) (?:themselves |herself |himself )?(?:been (?:an? )?(?:victims? of )?|left )$`,
  'i',
);
/**
 * Right before the mention, harm that is the relative's own: "mother's suicide attempt", "maternal
 * history of mental illness, self-harm", "incidents in the past of the child's mother - such as self-harm".
 */
const PARENT_OWNED_BEFORE = words(
  String.raw`(?:\b${RELATIVE}(?:['\u2019]s|s['\u2019]) (?:own )?(?:attempted |repeated |history of )?|\b(?:maternal|paternal) history of\b[^.;]{0,100}?\s|\b(?:of|by) (?:the )?(?:child['\u2019]s )?${RELATIVE}\b[^.;]{0,40}?\b(?:such as|including|like)\s+)$`,
  'i',
);
/** After the mention, in its sentence: "… as a child", "… in her own childhood". */
const PARENT_HISTORY_AFTER = words(
  String.raw`^[^.;]{0,80}?\b(?:in (?:her|his|their) (?:own )?(?:childhood|youth|teenage years|teens)|as (?:a )?(?:child|children|teenagers?|boy|girl|young (?:girl|boy|woman|man))(?! (?:in need|protection|looked after))|during (?:her|his|their) (?:own )?childhood|when (?:she|he|they) (?:was|were) (?:a )?(?:child|young))\b`,
  'i',
);
/** A few words before the mention that make it a risk or a possibility, not an event. */
const HYPOTHETICAL = words(
  String.raw`\b(?:at (?:\w+ )?risk of|risks? of|could|would|might|if|prevent\w*|vulnerab\w* to|likelihood of|dangers? of|warning signs of|awareness of)\b(?:\s+[\w'\u2019-]+){0,5}\s*$`,
  'i',
);
/** After the mention: the harm as the kind of thing that starts a review, not an event ("neglect would be a trigger for a review"). */
const REVIEW_TRIGGER_AFTER = words(
  String.raw`^[^.;]{0,30}?\b(?:would|can|could|may|might|is|are|will)\s+(?:usually\s+|often\s+|normally\s+|typically\s+|sometimes\s+)?(?:be\s+(?:a|the)\s+trigger|trigger|lead\s+to\s+a\s+(?:case\s+|practice\s+)?review)`,
  'i',
);
/** Words that make only the very next words a possibility: "possible sexual abuse", not "potentially life changing injuries". */
const POSSIBLE = /\b(?:potential(?:ly)?|possible|possibly)\s+(?:[\w'\u2019-]+\s+)?$/i;
/**
 * "may" only in lower case ("In May" is a month), and not "may have died by": a probable cause of death is
 * still the harm the review is about.
 */
const MAY = /\bmay\b(?:\s+[\w'\u2019-]+){0,5}\s*$/;
const PROBABLE_DEATH = /\bmay\s+have\s+died\b/i;
/** A sentence that leaves the cause open. */
const OPEN_CAUSE = words(
  String.raw`\b(?:unascertained|undetermined|cause of death (?:was|is|remains|remained|could not be) (?:not (?:known|ascertained|determined|established)|unknown|unclear|unexplained|ascertained|determined|established))\b`,
  'i',
);
/** Right after the mention, an adult as the victim: "murder of a female adult victim", "killing of his mother". */
const ADULT_VICTIM_AFTER = words(
  String.raw`^\s+of\s+(?:(?:a|an|the|his|her|their)\s+)?(?:(?:female|male|young|former|\d+[- ]year[- ]old)\s+)*(?:adult|woman|man|mother|father|mum|dad|parent|partner|wife|husband|girlfriend|boyfriend)s?\b`,
  'i',
);
/**
 * Before "neglected", a thing rather than a child as what was neglected: "her history … had been
 * “neglected”", "the family's needs were neglected".
 */
const THING_NEGLECTED = words(
  String.raw`\b(?:vulnerability|vulnerabilities|needs|history|histories|concerns?|views?|voice|issues?|signs?|risks?|warnings?|information|records?|health|wellbeing|well-being)\b[^.;]{0,80}?\b(?:had been|has been|have been|was|were|is|are|being|been)\s*['\u2018\u2019"\u201c]?$`,
  'i',
);
/** A sentence that reports the recommendations a review makes ("The review makes five recommendations, including that …"). */
const RECOMMENDS = /\brecommendations?,? (?:including|include|includes|such as)\b/i;
/** A sentence that states an aim of a briefing or event ("To think about young people in distress …"). */
const AIM_SENTENCE =
  /^\W*to (?:think|consider|reflect|explore|understand|learn|raise|help|support|improve|promote|share|develop)\b/i;
const CLAUSE_BREAK = /[,;:]|\b(?:but|however|although|though|whereas|while|whilst|yet)\b/gi;
const REACH = 150;

/** Whether the harm mention at [start, end) in `unit` happened to the subject child, as far as its sentence says. */
export function isChildHarm(text: string, start: number, end: number, unit: Span): boolean {
  const sentence = text.slice(unit.start, unit.end);
  if (OPEN_CAUSE.test(sentence) || AIM_SENTENCE.test(sentence)) return false;
  if (RECOMMENDS.test(text.slice(unit.start, start))) return false;
  if (/^neglected$/i.test(text.slice(start, end)) && THING_NEGLECTED.test(text.slice(unit.start, start)))
    return false;
  if (isParentHistory(text, start, end, unit)) return false;
  const before = text.slice(Math.max(unit.start, start - REACH), start);
  const clause = lastClause(before);
  if (HYPOTHETICAL.test(clause) || POSSIBLE.test(clause)) return false;
  const after = text.slice(end, Math.min(unit.end, end + REACH));
  if (REVIEW_TRIGGER_AFTER.test(after) || ADULT_VICTIM_AFTER.test(after)) return false;
  return !MAY.test(clause) || PROBABLE_DEATH.test(clause + text.slice(start, end));
}

/** Whether the mention is part of a parent's or relative's own history ("her own childhood in care"). */
export function isParentHistory(text: string, start: number, end: number, unit: Span): boolean {
  const before = text.slice(Math.max(unit.start, start - REACH), start);
  if (PARENT_HISTORY_BEFORE.test(before) || PARENT_OWNED_BEFORE.test(before)) return true;
  return PARENT_HISTORY_AFTER.test(text.slice(end, Math.min(unit.end, end + REACH)));
}

function lastClause(before: string): string {
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m !== null; m = CLAUSE_BREAK.exec(before)) {
    from = m.index + m[0].length;
  }
  return before.slice(from);
}

/** A regular expression in which each space stands for any run of whitespace. */
function words(source: string, flags: string): RegExp {
  return new RegExp(spacesAsWhitespace(source), flags);
}
