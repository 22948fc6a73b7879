/**
 * A reading list of research on case reviews: each entry is a title line, a line of authors ("Brandon, M.,
 * et al"), a line of place, publisher and year ("London: A University, 2013") and a description. An entry
 * whose title or description is about case reviews is a national analysis of them, one review of type
 * NATIONAL; other entries (guidance, practice tools) are not reviews.
 */
import type { Line } from '../../extract/lines.ts';
import type { TextView } from '../../extract/view.ts';
import type { Draft, Span } from './draft.ts';

/** "Brandon, M., et al", "Devaney, J. et al.", "Sidebotham, P. and Brandon, M." */
const AUTHORS =
  /^\p{Lu}[\p{L}'’-]+,\s*(?:\p{Lu}\.\s*)+(?:,?\s*(?:et al\.?|(?:and|&)\s+\p{Lu}[\p{L}'’-]+(?:,\s*(?:\p{Lu}\.\s*)+)?))*\s*\.?$/u;
/** "London: A University/NSPCC, 2013" or a publisher line ending in its year. */
const IMPRINT = /(?:^[\p{L} ,.'’()-]+:\s*\S.*|,)\s*((?:19|20)\d\d)\b/u;
/** Words that make an entry about case reviews. */
const ABOUT_REVIEWS =
  /\b(?:(?:serious|significant|child practice|case management|child safeguarding practice|case) reviews?|SCRs|CMRs|LCSPRs)\b/i;

export function bibliographyDrafts(view: TextView, body: Span): Draft[] {
  const lines = view.lines.filter((l) => !l.blank && l.start >= body.start && l.end <= body.end);
  const heads: Array<{ title: Line; year: number | null }> = [];
  lines.forEach((line, i) => {
    const title = lines[i - 1];
    const imprint = lines[i + 1];
    if (!title || !imprint || !AUTHORS.test(line.text.trim())) return;
    const year = IMPRINT.exec(imprint.text.trim())?.[1];
    if (year === undefined) return;
    heads.push({ title, year: Number(year) });
  });
  return heads.flatMap(({ title, year }, i) => {
    const end = heads[i + 1]?.title.start ?? body.end;
    const text = view.text.slice(title.start, end);
    if (!ABOUT_REVIEWS.test(text)) return [];
    return [
      {
        span: { start: title.start, end },
        title: title.text
          .trim()
          .replace(/\s*\((?:PDF|DOCX?)[^)]*\)\s*\.?\s*$/i, '')
          .replace(/\.$/, ''),
        child: null,
        area: null,
        reviewType: 'NATIONAL' as const,
        ...(year === null ? {} : { year }),
        mentions: [],
      },
    ];
  });
}
