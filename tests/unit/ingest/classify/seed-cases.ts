/**
 * A deliberately simple reading of the seed documents for classifier tests: it finds the labelled learning
 * and recommendation lists and splits them on semicolons, so classification can be checked against real
 * layouts without depending on the segmenter. Offsets point into the file text.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  ExtractedCase,
  ExtractedLearning,
  ExtractedRecommendation,
} from '../../../../ingest/extract/types.ts';
import { spacesAsWhitespace } from '../../../../ingest/taxonomy/compile.ts';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../../shared/seeds');
export const seedsPresent = existsSync(SEEDS_DIR);

export interface SeedDocument {
  file: string;
  text: string;
  cases: ExtractedCase[];
}

interface Entry {
  start: number;
  end: number;
}

const LEARNING_LABEL = new RegExp(
  spacesAsWhitespace(
    String.raw`(?:Learning(?: themes)? includes?|Learning focuses on|Findings include|Issues identified include|Key learning(?: include)?|Key findings include|Identifies findings|Learning points focus on|Key issues include|Key issues identified|identify findings,? including)\s*:\s*`,
  ),
  'g',
);
const RECOMMENDATION_LABEL = new RegExp(
  spacesAsWhitespace(
    String.raw`(?:Recommendations(?: (?:for|to) [^:.\n]{1,60})? (?:include|focus on)\s*:|Recommends the LSCB consider questions including\s*:|The review makes \d+ recommendations including\s*:|Makes recommendations (?:around|to)\b)\s*`,
  ),
  'g',
);
const ACTION_LABEL = new RegExp(
  spacesAsWhitespace(String.raw`details of actions initiated as a result of learning, including\s*:\s*`),
  'g',
);

/** The seed file's entries, each with its labelled lists split into statements. */
export function readSeed(file: string): SeedDocument {
  const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  const entries = file.startsWith('003') ? newsletterEntries(text) : bulletinEntries(text);
  const cases = entries.map((e, i) => seedCase(text, e, `${file}#${i + 1}`));
  return { file, text, cases };
}

/** Bulletins: each entry ends with its "Other resources" line. */
function bulletinEntries(text: string): Entry[] {
  const ends = [...text.matchAll(/Other\sresources[^\n]*/g)].map((m) => (m.index ?? 0) + m[0].length);
  const firstHeading = text.search(/\n\s*1\.\s/);
  return ends.map((end, i) => ({ start: i === 0 ? firstHeading : (ends[i - 1] ?? 0), end }));
}

/** The newsletter: each entry ends with its "Full report [here]" link. */
function newsletterEntries(text: string): Entry[] {
  const ends = [...text.matchAll(/Full\s[Rr]eport\s\[[Hh]ere\]\(#\)/g)].map(
    (m) => (m.index ?? 0) + m[0].length,
  );
  return ends.map((end, i) => {
    const previous = i === 0 ? 0 : (ends[i - 1] ?? 0);
    const heading = text.lastIndexOf('Case Reviews:', end);
    return { start: Math.max(previous, heading), end };
  });
}

function seedCase(text: string, entry: Entry, title: string): ExtractedCase {
  const body = text.slice(entry.start, entry.end);
  const child = body.match(/\b(?:Child|Baby) ['\u2018]?([A-Z])\b/)?.[0] ?? null;
  return {
    id: title,
    title,
    child,
    reviewType: 'OTHER',
    partnership: null,
    authors: null,
    reportYear: null,
    incidentYear: null,
    age: null,
    ageBand: null,
    gender: null,
    outcome: null,
    summary: null,
    topic: null,
    start: entry.start,
    end: entry.end,
    harmTypes: [],
    agencies: [],
    themes: [],
    learning: lists(text, entry, LEARNING_LABEL).map(learningOf),
    recommendations: lists(text, entry, RECOMMENDATION_LABEL).map(recommendationOf),
    actions: lists(text, entry, ACTION_LABEL).map(learningOf),
  };
}

interface Item {
  text: string;
  start: number;
  end: number;
}

/** Items of every list that follows `label` inside the entry: up to the end of the line or sentence. */
function lists(text: string, entry: Entry, label: RegExp): Item[] {
  const body = text.slice(entry.start, entry.end);
  const items: Item[] = [];
  for (const m of body.matchAll(label)) {
    const from = (m.index ?? 0) + m[0].length;
    const rest = body.slice(from);
    const stop = rest.search(/\.(?=\s+[A-Z])|\.\s*$|\n\s*\n(?=[A-Z])|\n(?=Recommendations|Other\sresources)/);
    const list = stop < 0 ? rest : rest.slice(0, stop);
    let offset = entry.start + from;
    for (const part of list.split(';')) {
      const lead = part.length - part.trimStart().length;
      const itemText = part.trim().replace(/^and\s+/, '');
      const start = offset + lead + (part.trim().length - itemText.length);
      if (itemText.length > 3) items.push({ text: itemText, start, end: start + itemText.length });
      offset += part.length + 1;
    }
  }
  return items;
}

function learningOf(item: Item): ExtractedLearning {
  return { ...item, themes: [] };
}

function recommendationOf(item: Item): ExtractedRecommendation {
  return { ...item, agencies: [], themes: [] };
}

/** Bullet points under "Learning points" (national briefings) or any bullet (the national note). */
export function nationalLearningPoints(file: string): Item[] {
  const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  const items: Item[] = [];
  const learningOnly = file.startsWith('004');
  let inLearning = !learningOnly;
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (learningOnly && /^Learning points?$/.test(trimmed)) inLearning = true;
    else if (learningOnly && trimmed && !trimmed.startsWith('-') && !/^\d\./.test(trimmed))
      inLearning = false;
    const bullet = line.match(/^\s*-\s*(?:>\s*)?(.+\S)\s*$/);
    if (inLearning && bullet?.[1]) {
      const start = offset + line.indexOf(bullet[1]);
      items.push({ text: bullet[1], start, end: start + bullet[1].length });
    }
    offset += line.length + 1;
  }
  return items;
}
