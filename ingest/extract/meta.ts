/**
 * Who wrote a review and for which board or partnership, from the lines newsletters print under a
 * title: "Author: A. Writer LSCB: Northbridge Safeguarding Children Board (Jan 2017)",
 * "Authors: A and B", "Published by X on behalf of Y (Spring 2017)", "Published on behalf of Y (2017)".
 * Emphasis markers are ignored; an unnamed board ("an unnamed London board") is no partnership.
 */
import { yearIn } from './dates.ts';

export interface EntryMeta {
  authors: string | null;
  partnership: string | null;
  reportYear: number | null;
}

const KEY =
  /\b(Authors?|LSCB|LSCP|Safeguarding\s+Partnership|Partnership|Board)\s*:|\bPublished\s+(?:by|(on\s+behalf\s+of))\b/gi;

const FIRST_KEY = new RegExp(KEY.source, 'i');

/** Where the first meta key starts in `text`, or -1. */
export function metaStart(text: string): number {
  const m = FIRST_KEY.exec(text);
  if (!m) return -1;
  const before = text.slice(0, m.index);
  const stars = /\*+\s*$/.exec(before);
  return stars ? stars.index : m.index;
}

export function parseMeta(text: string): EntryMeta {
  const meta: EntryMeta = { authors: null, partnership: null, reportYear: null };
  KEY.lastIndex = 0;
  const keys = [...text.matchAll(KEY)];
  keys.forEach((k, i) => {
    const from = (k.index ?? 0) + k[0].length;
    const to = keys[i + 1]?.index ?? text.length;
    const value = clean(text.slice(from, to));
    if (!value) return;
    const key = (k[1] ?? 'published').toLowerCase();
    if (key.startsWith('author')) meta.authors ??= value;
    else if (key === 'published' && !k[2]) applyPublishedBy(meta, value);
    else applyBoard(meta, value);
  });
  return meta;
}

function applyBoard(meta: EntryMeta, value: string): void {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(value);
  const board = clean(m ? (m[1] as string) : value);
  if (board && !/^(?:an?\s+)?unnamed\b/i.test(board)) meta.partnership ??= board;
  if (m) meta.reportYear ??= yearIn(m[2] as string);
}

function applyPublishedBy(meta: EntryMeta, value: string): void {
  const paren = /\(([^()]*)\)\s*$/.exec(value);
  if (paren) meta.reportYear ??= yearIn(paren[1] as string);
  const behalf = /\bon\s+behalf\s+of\s+(.+?)\s*(?:\(|$)/i.exec(value);
  const board = behalf ? clean(behalf[1] as string) : '';
  if (board && !/^(?:an?\s+)?unnamed\b/i.test(board)) meta.partnership ??= board;
}

function clean(s: string): string {
  return s
    .replace(/[*_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '');
}
