/**
 * A table of reviews: a partnership's list of published reviews, saved from a web page or a Word document
 * (the readers give one row per line, cells separated by tabs) or written as a Markdown table. The header
 * row says what each column holds (cues.yaml, tableColumns); each row naming a child or a review is one
 * review, its year from the published column and its kind from the type column.
 */
import type { ReviewType } from '../../graph/records.ts';
import { buildCase } from '../extract/case.ts';
import { localReviewType } from '../extract/era.ts';
import type { Line } from '../extract/lines.ts';
import { reviewTypeIn } from '../extract/review-type.ts';
import type { ExtractedCase } from '../extract/types.ts';
import type { TextView } from '../extract/view.ts';
import { normalHeading, proseCues, type TableColumn } from './prose/cues.ts';
import { partnershipsIn } from './prose/fields.ts';
import { isChildName } from './prose/subjects.ts';

interface Cell {
  start: number;
  end: number;
  text: string;
}

interface Row {
  line: Line;
  cells: Cell[];
}

const MIN_ROWS = 2;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The reviews of the first table in `view` whose header names a name column, or null when there is none. */
export function tableReviews(view: TextView): ExtractedCase[] | null {
  for (const table of tables(view)) {
    const [header, ...rows] = table;
    if (!header) continue;
    const columns = header.cells.map((c) => proseCues().tableColumns.get(normalHeading(c.text)) ?? null);
    const nameAt = columns.indexOf('name');
    if (nameAt < 0) continue;
    // A page that names one partnership before its table lists that partnership's reviews.
    const named = new Set(partnershipsIn(view.text.slice(0, header.line.start)).map((p) => p.value));
    const pagePartnership = named.size === 1 ? ([...named][0] as string) : null;
    const cases = rows.flatMap((row) => {
      const c = rowCase(view, row, columns, nameAt, pagePartnership);
      return c ? [c] : [];
    });
    if (cases.length >= MIN_ROWS) return cases;
  }
  return null;
}

function rowCase(
  view: TextView,
  row: Row,
  columns: (TableColumn | null)[],
  nameAt: number,
  pagePartnership: string | null,
): ExtractedCase | null {
  const cell = (column: TableColumn) => {
    const at = columns.indexOf(column);
    return at >= 0 ? row.cells[at] : undefined;
  };
  const name = row.cells[nameAt];
  if (!name || name.text === '') return null;
  const named: ReviewType | null = reviewTypeIn(cell('type')?.text ?? '') ?? reviewTypeIn(name.text);
  const child = isChildName(name.text) ? name.text : null;
  if (!child && !named) return null;
  const summary = cell('summary');
  const year = /\b((?:19|20)\d\d)\b/.exec(cell('published')?.text ?? '')?.[1];
  const reportYear = year ? Number(year) : null;
  const partnership = cell('partnership')?.text || pagePartnership;
  // A child's review whose kind the table does not give is told by its year, as a prose one is.
  const reviewType = child ? localReviewType(named, reportYear, partnership) : named;
  const built = buildCase(view, {
    start: row.line.start,
    end: row.line.end,
    title: name.text,
    bodyStart: summary ? summary.start : row.line.end,
    summary: summary?.text ? { start: summary.start, end: summary.end } : null,
    childField: child,
    reviewType,
    meta: { partnership, reportYear },
  });
  return built.case;
}

/** Runs of at least a header and MIN_ROWS rows with the same number of cells. */
function tables(view: TextView): Row[][] {
  const out: Row[][] = [];
  let run: Row[] = [];
  const close = () => {
    if (run.length > MIN_ROWS) out.push(run);
    run = [];
  };
  for (const line of view.lines) {
    if (MARKDOWN_RULE.test(line.text) && line.text.includes('-')) continue;
    const cells = cellsOf(view.text, line);
    if (cells.length < 2) {
      if (!line.blank) close();
      continue;
    }
    if (run.length > 0 && (run[0] as Row).cells.length !== cells.length) close();
    run.push({ line, cells });
  }
  close();
  return out;
}

/** A line's cells, split at tabs or (for a Markdown row) at pipes, each trimmed, with its offsets. */
function cellsOf(text: string, line: Line): Cell[] {
  const raw = text.slice(line.start, line.end);
  const piped = /^\s*\|.*\|\s*$/.test(raw);
  const separator = piped ? '|' : '\t';
  if (!raw.includes(separator)) return [];
  const cells: Cell[] = [];
  let from = 0;
  const parts = raw.split(separator);
  for (const [i, part] of parts.entries()) {
    const at = from;
    from += part.length + 1;
    if (piped && (i === 0 || i === parts.length - 1) && part.trim() === '') continue;
    const lead = part.length - part.trimStart().length;
    const value = part.trim();
    const start = line.start + at + lead;
    cells.push({ start, end: start + value.length, text: value });
  }
  return cells;
}
