/**
 * The curator report as Markdown, for reading after an ingest run or committing next to the library.
 */
import type { CuratorReport, DocumentNote } from './types.ts';

export function renderCuratorReport(r: CuratorReport): string {
  return [
    ...header(r),
    ...documentsSection(r),
    ...notesSection('Documents that gave no review', r.withoutReviews),
    ...notesSection('Possible duplicates (kept apart)', r.possibleDuplicates),
    ...unmatchedSection(r),
    ...candidatesSection(r),
    ...themesSection(r),
    ...harmTypesSection(r),
    ...agenciesSection(r),
  ].join('\n');
}

function header(r: CuratorReport): string[] {
  const t = r.totals;
  return [
    '# Curator report',
    '',
    `Taxonomy version ${r.taxonomyVersion}. ${plural(t.documents, 'document')}, ${plural(t.cases, 'case review')}, ` +
      `${plural(t.learning, 'learning statement')} (${percent(t.learningMatched, t.learning)} matched a theme), ` +
      `${plural(t.recommendations, 'recommendation')} (${percent(t.recommendationsMatched, t.recommendations)} matched a theme).`,
    '',
  ];
}

function documentsSection(r: CuratorReport): string[] {
  return [
    '## Documents',
    '',
    table(
      [
        'document',
        'cases',
        'learning',
        'learning matched',
        'recommendations',
        'recommendations matched',
        'actions',
      ],
      r.documents.map((d) => [
        d.path,
        d.cases,
        d.learning,
        percent(d.learningMatched, d.learning),
        d.recommendations,
        percent(d.recommendationsMatched, d.recommendations),
        d.actions,
      ]),
    ),
    '',
  ];
}

function unmatchedSection(r: CuratorReport): string[] {
  const title = `## Statements that matched no theme (${r.unmatched.length})`;
  if (r.unmatched.length === 0) return [title, '', 'Every statement matched at least one theme.', ''];
  return [
    title,
    '',
    table(
      ['document', 'case', 'kind', 'statement'],
      r.unmatched.map((u) => [u.file, u.caseTitle, u.kind, u.text]),
    ),
    '',
  ];
}

function candidatesSection(r: CuratorReport): string[] {
  const title = '## Frequent phrases the taxonomy does not cover';
  if (r.candidates.length === 0) return [title, '', 'No recurring phrase is left uncovered.', ''];
  return [
    title,
    '',
    'Candidates for new themes or synonyms: phrases of two to four words found in several statements that no harm type, agency or theme matches.',
    '',
    table(
      ['phrase', 'statements', 'for example in'],
      r.candidates.map((c) => [
        c.phrase,
        c.statements,
        c.examples.map((e) => `${e.caseTitle} (${e.file})`).join('; '),
      ]),
    ),
    '',
  ];
}

function themesSection(r: CuratorReport): string[] {
  const rows = [...r.themes].sort((a, b) => b.cases - a.cases || a.label.localeCompare(b.label));
  return [
    '## Themes',
    '',
    table(
      ['theme', 'group', 'cases', 'learning statements', 'recommendations'],
      rows.map((t) => [`${t.label} (${t.id})`, t.group, t.cases, t.learning, t.recommendations]),
    ),
    '',
  ];
}

function harmTypesSection(r: CuratorReport): string[] {
  const rows = [...r.harmTypes].sort((a, b) => b.cases - a.cases || a.label.localeCompare(b.label));
  return [
    '## Harm types',
    '',
    table(
      ['harm type', 'cases'],
      rows.map((h) => [`${h.label} (${h.id})`, h.cases]),
    ),
    '',
  ];
}

function agenciesSection(r: CuratorReport): string[] {
  const rows = [...r.agencies].sort((a, b) => b.cases - a.cases || a.label.localeCompare(b.label));
  return [
    '## Agencies',
    '',
    table(
      ['agency', 'sector', 'cases involved', 'recommendations addressed to it'],
      rows.map((a) => [`${a.label} (${a.id})`, a.sector, a.cases, a.targeted]),
    ),
    '',
  ];
}

function notesSection(title: string, notes: DocumentNote[]): string[] {
  if (notes.length === 0) return [];
  return [`## ${title} (${notes.length})`, '', ...notes.map((n) => `- ${cell(n.file)}: ${n.note}`), ''];
}

function table(headings: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headings), line(headings.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A table cell: one line, pipes escaped so they do not split the cell. */
function cell(value: string | number): string {
  return String(value).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 1000) / 10}%`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
