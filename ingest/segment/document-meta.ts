/**
 * The document's own title, publisher and date, as printed: the first line (or first heading hint) is the
 * title; the date is a "Month YYYY" in the title, a copyright line, or an opening sentence ("In June 2023
 * six case reviews were published"); the publisher is the organisation the title starts with, the
 * copyright holder, or the acronym an opening sentence speaks as. A leading bracketed editorial note
 * ("[Fictional example ...]") is not the title.
 */

import { monthYearIn } from '../extract/dates.ts';
import { type Line, paragraphsOf } from '../extract/lines.ts';
import type { TextView } from '../extract/view.ts';
import { isChromeLine } from '../read/chrome.ts';
import { CONTENTS_HEADING } from './prose/headed-index.ts';

export interface DocumentMeta {
  title: string;
  titleStart: number | null;
  publisher: string | null;
  published: string | null;
  publishedYear: number | null;
}

const NOTE = /^\s*\[.*\]\s*$/;
/** A saved copy's provenance line ("# source: https://…") says where the text came from, not what it is. */
/** A publisher's label for the kind of document, printed above its title ("Independent report"). */
const PUBLICATION_TYPE =
  /^(?:independent report|research and analysis|policy paper|corporate report|official statistics|guidance|statutory guidance|transparency data|news story|press release|consultation outcome)$/i;
const PROVENANCE = /^\s*#?\s*source\s*:\s*\S+:\/\/\S+\s*$/i;
const COPYRIGHT =
  /(?:©|\(c\)|copyright)\s*(?:((?:19|20)\d\d)\s+)?([A-Z][^\n]*?)(?:\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|(?:19|20)\d\d))?\s*$/im;
const ORG_WORDS =
  /\b(?:Safeguarding|Board|Partnership|Council|Trust|NSPCC|Panel|Institute|Research|Department|Society|Foundation)\b|^[A-Z]{3,}\b/;

export function documentMeta(view: TextView): DocumentMeta {
  const titleLine = titleLineOf(view);
  const title = titleLine
    ? titleLine.text
        .trim()
        .replace(/^#+\s*/, '')
        .replace(/\s+/g, ' ')
    : '';
  const opening = openingParagraphs(view);
  const copyright = COPYRIGHT.exec(view.text);
  const published =
    monthYearIn(title) ??
    (copyright?.[3] ? (monthYearIn(copyright[3]) ?? copyright[3]) : null) ??
    copyright?.[1] ??
    openingDate(opening) ??
    titleYear(title);
  return {
    title,
    titleStart: titleLine ? titleLine.contentStart : null,
    publisher: titleOrganisation(title) ?? copyrightHolder(copyright) ?? openingSpeaker(opening),
    published,
    publishedYear: published ? Number(published.slice(0, 4)) : null,
  };
}

function titleLineOf(view: TextView): Line | null {
  const notes = new Set(editorialNoteLines(view));
  const usable = (l: Line) =>
    !l.blank &&
    !notes.has(l.index) &&
    !PROVENANCE.test(l.text) &&
    !isChromeLine(l.text.trim()) &&
    !CONTENTS_HEADING.test(l.text.trim()) &&
    !PUBLICATION_TYPE.test(l.text.trim());
  const first = view.lines.find(usable) ?? null;
  // A short opening line that is no sentence is the title, even when a later line looks more like a heading.
  if (
    first &&
    view.hintOf(first) !== 'heading' &&
    first.text.trim().length <= 160 &&
    // A site's title cut short ("Learning for the police from reviews of …") is still a title.
    (!/[.:;,]$/.test(first.text.trim()) || /(?:\.\.\.|…)$/.test(first.text.trim()))
  )
    return first;
  const heading = view.lines.find((l) => usable(l) && view.hintOf(l) === 'heading');
  return heading ?? first;
}

/** Lines of a bracketed editorial note opening the document, also when it wraps over several lines. */
export function editorialNoteLines(view: TextView): number[] {
  const first = paragraphsOf(view.lines)[0];
  if (!first) return [];
  const text = view.text.slice(first.start, first.end);
  return NOTE.test(text.replace(/\s+/g, ' ')) ? first.lines.map((l) => l.index) : [];
}

/** The first three paragraphs: the title and the introduction, before any entry. */
function openingParagraphs(view: TextView): string {
  const paragraphs = paragraphsOf(view.lines).slice(0, 3);
  const last = paragraphs[paragraphs.length - 1];
  return last ? view.text.slice(0, last.end) : '';
}

/** "In June 2023 six case reviews were published ..." — a date in a sentence about publishing. */
function openingDate(opening: string): string | null {
  for (const sentence of opening.split(/(?<=[.!?])\s+|\n+/)) {
    if (!/\b(?:publish|issue|release)/i.test(sentence)) continue;
    const m =
      /\b(?:in|on|dated)\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:19|20)\d\d)\b/i.exec(
        sentence,
      );
    if (m) return monthYearIn(m[1] as string);
  }
  return null;
}

/**
 * The one year printed in the title ("Case reviews published in 2018", "Newsletter – Summer 2017"); none
 * when the title holds a range ("2020-2023") or several years.
 */
export function titleYear(title: string): string | null {
  const years = [...title.matchAll(/(?:19|20)\d\d(?!\d)/g)];
  if (years.length !== 1 || /(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d/.test(title)) return null;
  return years[0]?.[0] ?? null;
}

/** "South Gloucestershire Safeguarding Children Board News ..." -> the board; "NSPCC Repository" -> NSPCC. */
function titleOrganisation(title: string): string | null {
  const m = /^(.+?)\s+(?:news(?:letter)?|repository|bulletin|update|briefing|digest)\b/i.exec(title);
  const prefix = m?.[1]?.trim();
  if (!prefix || !ORG_WORDS.test(prefix)) return null;
  const named =
    /^.*\b(?:Board|Partnership|Council|Trust|Panel|Society|Foundation|Institute|Hub|NSPCC)\b/.exec(prefix);
  return named ? named[0] : prefix;
}

function copyrightHolder(m: RegExpExecArray | null): string | null {
  const holder = m?.[2]?.trim().replace(/[.,]$/, '');
  return holder ? holder : null;
}

/** "NSCP would like to bring to your attention ..." -> NSCP. */
function openingSpeaker(opening: string): string | null {
  const m =
    /(?:^|\n)\s*([A-Z]{3,8})\s+(?:would like|has published|is pleased|have published|presents)\b/.exec(
      opening,
    );
  return m ? (m[1] as string) : null;
}
