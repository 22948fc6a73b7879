/**
 * Lints one Neo4j-dialect query: Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support)
 * against the schema derived from graph/schema/model.ts, plus the house rules the linter does not check:
 * every RETURN column named with AS, every declared parameter used, and every property read or written
 * declared in the model for that label (the linter skips properties a query writes).
 */
import { lintCypherQuery, type SymbolTable } from '@neo4j-cypher/language-support';
import {
  cypherLintSchema,
  type LintCypherVersion,
  labelPropertyKeys,
  modelPropertyKeys,
} from '../../../graph/schema/lint-schema.ts';
import { NODES, type NodeLabel, RELATIONSHIPS } from '../../../graph/schema/model.ts';

export interface Finding {
  line: number;
  message: string;
}

const ERROR = 1;
const WARNING = 2;

/** Comments and string literals replaced by spaces, so offsets still point into the original text. */
export function maskCypher(text: string): string {
  const out = [...text];
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (two === '//') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (two === '/*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (text[i] === "'" || text[i] === '"') {
      const quote = text[i];
      let k = i + 1;
      while (k < text.length && text[k] !== quote) k += text[k] === '\\' ? 2 : 1;
      blank(i + 1, k);
      i = k + 1;
    } else {
      i += 1;
    }
  }
  return out.join('');
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const CLAUSE_END = /^(ORDER\s+BY|SKIP|LIMIT|OFFSET|UNION)\b/i;

/** The items of each RETURN clause (top level and inside subqueries), with their offsets. */
export function returnItems(masked: string): Array<{ offset: number; item: string }> {
  const items: Array<{ offset: number; item: string }> = [];
  const returns = /\bRETURN\b(\s+DISTINCT\b)?/gi;
  for (let m = returns.exec(masked); m !== null; m = returns.exec(masked)) {
    let depth = 0;
    let start = m.index + m[0].length;
    let k = start;
    for (; k < masked.length; k++) {
      const ch = masked[k] ?? '';
      if (depth === 0 && /\s/.test(masked[k - 1] ?? ' ') && CLAUSE_END.test(masked.slice(k))) break;
      if ('([{'.includes(ch)) depth += 1;
      else if (')]}'.includes(ch)) {
        if (depth === 0) break;
        depth -= 1;
      } else if (ch === ',' && depth === 0) {
        items.push({ offset: start, item: masked.slice(start, k) });
        start = k + 1;
      }
    }
    items.push({ offset: start, item: masked.slice(start, k) });
  }
  return items;
}

function checkAliases(text: string, masked: string): Finding[] {
  return returnItems(masked)
    .filter(({ item }) => !/\sAS\s+(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\s*$/i.test(item))
    .map(({ offset, item }) => ({
      line: lineOf(text, offset),
      message: `RETURN column "${item.trim()}" has no AS alias (both engines key rows by alias)`,
    }));
}

function checkParamsUsed(text: string, masked: string, params: readonly string[]): Finding[] {
  const used = new Set([...masked.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  return params
    .filter((p) => !used.has(p))
    .map((p) => ({
      line: 1,
      message: `$${p} is declared in the header but not used: ${text.split('\n')[0]}`,
    }));
}

function isNodeLabel(name: string): name is NodeLabel {
  return NODES.some((n) => n.label === name);
}

type CypherSymbol = SymbolTable[number];

function leafLabels(symbol: CypherSymbol): string[] {
  const tree = symbol.labels;
  if ('value' in tree) return [tree.value];
  if (tree.condition !== 'and') return [];
  return tree.children.flatMap((child) => ('value' in child ? [child.value] : []));
}

function allowedProperties(symbol: CypherSymbol): string[] | null {
  const types = symbol.types;
  if (types.length === 0 || !types.every((t) => t === 'Node' || t === 'Relationship')) return null;
  if (types.every((t) => t === 'Relationship')) {
    return [...new Set(RELATIONSHIPS.flatMap((r) => r.properties.map((p) => p.name)))];
  }
  const labels = leafLabels(symbol).filter(isNodeLabel);
  if (labels.length === 0 || types.some((t) => t === 'Relationship')) return modelPropertyKeys();
  return [...new Set(labels.flatMap(labelPropertyKeys))];
}

function checkProperties(text: string, masked: string, symbolTables: SymbolTable[]): Finding[] {
  const symbols = symbolTables.flat();
  const findings: Finding[] = [];
  for (const m of masked.matchAll(/(?<![$\w.`])([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const [, variable = '', property = ''] = m;
    const offset = m.index ?? 0;
    const symbol = symbols.find((s) => s.variable === variable && s.references.includes(offset));
    const allowed = symbol ? allowedProperties(symbol) : null;
    if (allowed && !allowed.includes(property)) {
      const labels = symbol ? leafLabels(symbol).join(':') : '';
      findings.push({
        line: lineOf(text, offset),
        message: `${variable}.${property}: ${labels || 'this entity'} has no property "${property}" in the model`,
      });
    }
  }
  for (const m of masked.matchAll(/\)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (m[1] && !modelPropertyKeys().includes(m[1])) {
      findings.push({
        line: lineOf(text, m.index ?? 0),
        message: `no label has a property "${m[1]}" in the model`,
      });
    }
  }
  for (const m of masked.matchAll(
    /\(\s*[A-Za-z_]?[A-Za-z0-9_]*\s*:\s*([A-Za-z_][A-Za-z0-9_]*)\s*\{([^{}]*)\}/g,
  )) {
    const [, label = '', body = ''] = m;
    if (!isNodeLabel(label)) continue;
    const allowed = labelPropertyKeys(label);
    for (const key of body.matchAll(/(?:^|,)\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/g)) {
      if (key[1] && !allowed.includes(key[1])) {
        findings.push({
          line: lineOf(text, m.index ?? 0),
          message: `${label} has no property "${key[1]}" in the model`,
        });
      }
    }
  }
  return findings;
}

const DIRECTED_LINK =
  /\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*-\s*\[\s*[A-Za-z0-9_]*\s*:\s*([A-Z_]+)\s*\]\s*->\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)/dg;

/** (a)-[:TYPE]->(b) between variables whose labels are known must join the labels the model says TYPE joins. */
function checkLinkEnds(text: string, masked: string, symbolTables: SymbolTable[]): Finding[] {
  const symbols = symbolTables.flat();
  const labelsAt = (variable: string, offset: number) =>
    leafLabels(symbols.find((s) => s.variable === variable && s.references.includes(offset)) ?? EMPTY_SYMBOL);
  const findings: Finding[] = [];
  for (const m of masked.matchAll(DIRECTED_LINK)) {
    const [, from = '', type = '', to = ''] = m;
    const rel = RELATIONSHIPS.find((r) => r.type === type);
    if (!rel) continue;
    const start = m.index ?? 0;
    const fromLabels = labelsAt(from, m.indices?.[1]?.[0] ?? -1);
    const toLabels = labelsAt(to, m.indices?.[3]?.[0] ?? -1);
    const wrongFrom = fromLabels.length > 0 && !fromLabels.includes(rel.from);
    const wrongTo = toLabels.length > 0 && !toLabels.includes(rel.to);
    if (wrongFrom || wrongTo) {
      findings.push({
        line: lineOf(text, start),
        message: `${type} joins ${rel.from} to ${rel.to}, not ${fromLabels.join(':') || '?'} to ${toLabels.join(':') || '?'}`,
      });
    }
  }
  return findings;
}

const EMPTY_SYMBOL: CypherSymbol = {
  variable: '',
  definitionPosition: -1,
  types: [],
  references: [],
  labels: { condition: 'and', children: [] },
};

/**
 * Everything wrong with one query for one Cypher version. Linter errors and warnings both count: its
 * warnings are unknown labels, relationship types and properties, impossible paths, deprecations and
 * cartesian products.
 */
export function lintCypher(text: string, params: readonly string[], version: LintCypherVersion): Finding[] {
  const { diagnostics, symbolTables } = lintCypherQuery(text, cypherLintSchema(params, version));
  const masked = maskCypher(text);
  const fromLinter = diagnostics
    .filter((d) => d.severity === ERROR || d.severity === WARNING)
    .map((d) => ({
      line: d.range.start.line + 1,
      message: `${d.severity === ERROR ? 'error' : 'warning'}: ${d.message}`,
    }));
  return [
    ...fromLinter,
    ...checkAliases(text, masked),
    ...checkParamsUsed(text, masked, params),
    ...checkProperties(text, masked, symbolTables),
    ...checkLinkEnds(text, masked, symbolTables),
  ];
}

export function formatFindings(file: string, version: string, findings: Finding[]): string {
  return findings.map((f) => `${file}:${f.line} (${version}) ${f.message}`).join('\n');
}

/** Statements of a multi-statement file such as cypher/schema.cypher (comments dropped). */
export function splitStatements(text: string): string[] {
  const masked = maskCypher(text);
  const statements: string[] = [];
  let start = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i === masked.length || masked[i] === ';') {
      if (masked.slice(start, i).trim().length > 0) statements.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return statements;
}
