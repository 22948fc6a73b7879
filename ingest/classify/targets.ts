/**
 * Which agencies a recommendation is addressed to. An agency is a target when it is the one asked to act
 * ("the YOI should strengthen", "children's social care to test", "Recommendations for the Director of
 * Children's Services include"), not when it is merely mentioned ("information shared with the police").
 */
import { spacesAsWhitespace } from '../taxonomy/compile.ts';
import type { Span } from './sentences.ts';

export interface AgencyMention extends Span {
  id: string;
}

/** Between agencies in one list: "the police and children's social care should". */
const JOIN = words(String.raw`^\s*(?:,|and|or|&|\/|as well as)\s*(?:the\s+)?$`, 'i');
/** A modal after the agency, allowing a few words of its own ("GP safeguarding policies should"). */
const MODAL_AFTER = words(
  String.raw`^\s*(?:\([^)]{0,40}\)\s*)?(?:[\w\u2019'-]+\s+){0,3}?(?:should|must|shall|will|needs? to|ought to|(?:is|are) (?:asked|required|expected|encouraged|invited) to|(?:has|have) to)\b`,
  'i',
);
/** "X to <verb>", when X opens the recommendation ("children's social care to test out ..."). */
const TO_VERB_AFTER = /^\s*to\s+(?!the\b|a\b|an\b|their\b|his\b|her\b|its\b|all\b|be\b|them\b)[a-z]+/i;
/** A bare verb after the agency, as in "recommends that the police and the LSCB ensure ...". */
const VERB_AFTER =
  /^\s*(?:ensure|ensures|review|reviews|develop|develops|consider|considers|seek|seeks|work|works|undertake|undertakes|conduct|conducts|commission|commissions|provide|provides|strengthen|strengthens|update|updates|audit|audits|raise|raises|establish|establishes|introduce|introduces|implement|implements|facilitate|facilitates|examine|examines|explore|explores)\b/i;
/** Before the agency: a preposition makes it an object, not the one acting. */
const PREPOSITION_BEFORE =
  /\b(?:from|between|with|by|of|about|on|into|across|within|at|in|as|among|amongst|towards|against|via|including|through|alongside|than)\s+(?:(?:the|all|local|other|relevant|their|its)\s+)*$/i;
/** Before the agency: the recommendation is addressed to it. */
const ADDRESSED_BEFORE = words(
  String.raw`\b(?:recommendations?|recommends?|asks?|asking|encourag\w*|invit\w*|requir\w*|urg\w*|calls? on|for)\s+(?:(?:made|that|to|for)\s+)*(?:(?:the|all|each|local|every)\s+)*$`,
  'i',
);
/** The agency opens the statement (after "that" or an article). */
const OPENS_STATEMENT = /^[\s\W]*(?:(?:that|the|for|and|to|all|each|local)\s+)*$/i;
/** Before a bare verb, the agency must follow "that" or "recommends". */
const SUBJUNCTIVE_BEFORE = /\b(?:that|recommends?)\s+(?:the\s+)?$/i;

/**
 * The targets among `mentions` (agency matches inside the statement [start, end) of `text`), plus those
 * named by the label the recommendations were listed under.
 */
export function recommendationTargets(
  text: string,
  statement: Span,
  mentions: readonly AgencyMention[],
  hintAgencies: readonly string[],
): string[] {
  const targets = new Set(hintAgencies);
  for (const chain of chains(text, mentions)) {
    const head = chain[0];
    if (!head) continue;
    const tailEnd = Math.max(...chain.map((m) => m.end));
    const before = text.slice(statement.start, head.start);
    const after = text.slice(tailEnd, statement.end);
    if (isAddressed(before, after)) for (const m of chain) targets.add(m.id);
  }
  return [...targets];
}

function isAddressed(before: string, after: string): boolean {
  if (ADDRESSED_BEFORE.test(before)) return true;
  if (PREPOSITION_BEFORE.test(before)) return false;
  if (MODAL_AFTER.test(after)) return true;
  if (TO_VERB_AFTER.test(after)) return OPENS_STATEMENT.test(before);
  if (VERB_AFTER.test(after)) return SUBJUNCTIVE_BEFORE.test(before) || OPENS_STATEMENT.test(before);
  return false;
}

/** Groups mentions joined by "and", "or" or commas into lists that share one verb. */
function chains(text: string, mentions: readonly AgencyMention[]): AgencyMention[][] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const groups: AgencyMention[][] = [];
  for (const mention of sorted) {
    const current = groups[groups.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && mention.start >= last.end && JOIN.test(text.slice(last.end, mention.start))) {
      current.push(mention);
    } else if (!(last && mention.start < last.end)) {
      groups.push([mention]);
    } else if (current) {
      current.push(mention);
    }
  }
  return groups;
}

/** A regular expression in which each space stands for any run of whitespace (line breaks, no-break spaces). */
function words(source: string, flags: string): RegExp {
  return new RegExp(spacesAsWhitespace(source), flags);
}
