/**
 * The place a partnership or board serves, so "Camden Safeguarding Children Board", "Camden LSCB" and a
 * yearly list's "Camden" all key the same: the generic words around the place name are dropped.
 */
const GENERIC = [
  /\b(?:local\s+)?safeguarding\s+(?:children(?:'s)?\s+)?(?:board|partnership|arrangements?)\b/gi,
  /\bchildren(?:'s)?\s+safeguarding\s+(?:board|partnership)\b/gi,
  /\bsafeguarding\s+partners\b/gi,
  /\b(?:LSCB|LSCP|SCB|SCP|CSP)s?\b/g,
  /\b(?:the\s+)?(?:london\s+)?borough\s+of\b/gi,
  /\b(?:metropolitan\s+)?borough(?:\s+council)?\b/gi,
  /\b(?:city|county)\s+(?:and\s+)?council\b/gi,
  /\bcouncil\b/gi,
  /^\s*the\s+/i,
];

export function areaOf(partnership: string | null): string | null {
  if (!partnership) return null;
  let area = partnership;
  for (const re of GENERIC) area = area.replace(re, ' ');
  area = area.replace(/\s+/g, ' ').trim();
  return area ? area : null;
}
