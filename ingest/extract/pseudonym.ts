/**
 * The child (or children) a review is about, as the title names them: a code ("Child RS", "Baby 'R'",
 * "Family T", "Siblings W and X") or given names ("David", "David and Daniel", "Philip"). Quotes around a
 * code letter are dropped so "Baby ‘R’" and "Baby 'R'" read the same. Returns null for thematic titles
 * ("Child sexual exploitation 1998-2016").
 */

const CODE =
  /\b(Child(?:ren)?|Baby|Babies|Infant|Family|Siblings?|Brothers|Sisters|Twins|Young\s+Person|Adult)\s+['‘’"“]?([A-Z]{1,3}\d{0,2})['’"”]?(?:\s*(?:and|&|,)\s*['‘’"“]?([A-Z]{1,3}\d{0,2})['’"”]?)?(?![\p{L}\p{N}])/u;

const NAMES =
  /^['‘"“]?(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)['’"”]?((?:\s*(?:,|and|&)\s*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}]))*)/u;

/** "Baby Amara", "Family Okafor": a prefix with a name rather than a code letter. */
const PREFIXED_NAME = /^(Baby|Family|Infant)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/u;

const NOT_A_NAME = new Set(
  'child children baby babies infant family siblings serious local national overview report review case practice independent full thematic learning safeguarding executive summary briefing the a an this death injury injuries abuse neglect concerning services published'.split(
    ' ',
  ),
);

const BOARD_AFTER =
  /^\s+(?:LSCBs?|LSCPs?|SCBs?|SCPs?|Safeguarding|Children['’]?s?\s+(?:Board|Partnership|Services)|County|Council|Borough|City|Board|Partnership)\b/;

const REVIEW_WORDS: readonly RegExp[] = [
  /\b(?:local|national)?\s*child\s+safeguarding\s+practice\s+review(?:\s*\((?:L|N)?CSPR\))?/gi,
  /\bserious\s+case\s+review\b/gi,
  /\b(?:LCSPR|CSPR|SCR)\b/g,
  /\bcommissioned\s+under\b.*$/gi,
  /\(?\b(?:(?:the|independent|full|executive)\s+)*(?:overview\s+report|executive\s+summary)\)?/gi,
  /\b(?:learning|practice|case|thematic)\s+review\b/gi,
];

export function pseudonymInTitle(title: string): string | null {
  const code = codeIn(title);
  if (code) return code;
  for (const part of title.split(/:|\s+(?:concerning|regarding|into|about|relating\s+to|for)\s+/i)) {
    let rest = part;
    for (const re of REVIEW_WORDS) rest = rest.replace(re, ' ');
    const names = namesAtStart(rest.trim());
    if (names) return names;
  }
  return null;
}

/** The first child code in running text ("... of Child J ..."), for entries printed without a title. */
export function pseudonymInText(text: string): string | null {
  return codeIn(text);
}

function codeIn(text: string): string | null {
  const m = CODE.exec(text);
  if (!m) return null;
  const prefix = (m[1] as string).replace(/\s+/g, ' ');
  return m[3] ? `${prefix} ${m[2]} and ${m[3]}` : `${prefix} ${m[2]}`;
}

function namesAtStart(text: string): string | null {
  const prefixed = PREFIXED_NAME.exec(text);
  if (prefixed) return `${prefixed[1]} ${prefixed[2]}`;
  const m = NAMES.exec(text);
  if (!m) return null;
  const first = m[1] as string;
  if (NOT_A_NAME.has(first.toLowerCase())) return null;
  // "Hertfordshire LSCB", "Eastmere Safeguarding Children Board": a place that names a board.
  if (BOARD_AFTER.test(text.slice(m[0].length))) return null;
  const more = (m[2] ?? '').trim();
  return more ? `${first}${more.startsWith(',') ? '' : ' '}${more.replace(/\s+/g, ' ')}` : first;
}

/**
 * A pseudonym as mentions and documents are matched on: "Child B", "child b" and "B" key alike, and so do
 * "Baby Eve" and "Eve"; "Family R" and "Siblings T and U" keep their word, since they name several
 * children. Empty when nothing is left.
 */
export function pseudonymKey(name: string | null): string {
  return (name ?? '')
    .toLowerCase()
    .replace(/[‘’'"“”]/g, '')
    .replace(/^(?:child|baby|infant|young person)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
