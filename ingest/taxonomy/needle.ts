/**
 * Finds a plain piece of text that every match of a regular expression must contain, so the classifier can
 * skip a pattern with one `includes` on the lower-cased text instead of running it. Hundreds of patterns over
 * a hundred thousand entries make this the difference between seconds and minutes.
 */

const MIN_NEEDLE = 3;

/**
 * For each top-level alternative, the lower-case literals every match of it contains; a text can match
 * only if, for some alternative, all of that alternative's literals occur in it. null when some
 * alternative has no literal of at least three characters (the pattern must always run).
 */
export function requiredLiterals(source: string): string[][] | null {
  const branches = splitTopLevel(source);
  const needles: string[][] = [];
  for (const branch of branches) {
    const literals = mandatoryLiterals(branch);
    if (literals.length === 0) return null;
    needles.push(literals);
  }
  return needles;
}

function splitTopLevel(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      current += char + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  branches.push(current);
  return branches;
}

/** Runs of literal characters outside groups and classes that no quantifier makes optional, longest first. */
function mandatoryLiterals(branch: string): string[] {
  const runs: string[] = [];
  let run = '';
  const endRun = () => {
    if (run) runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < branch.length) {
    const char = branch[i] ?? '';
    const next = branch[i + 1] ?? '';
    if (char === '\\') {
      const literal = /[^a-zA-Z0-9]/.test(next) ? next : null;
      i += 2;
      if (literal === null) {
        endRun();
        continue;
      }
      run = appendLiteral(run, literal.toLowerCase(), branch[i] ?? '', endRun);
      continue;
    }
    if (char === '(' || char === '[') {
      endRun();
      i = skipGroup(branch, i);
      continue;
    }
    if ('.^$|)]'.includes(char)) {
      endRun();
      i++;
      continue;
    }
    if ('?*+{'.includes(char)) {
      endRun();
      i = char === '{' ? branch.indexOf('}', i) + 1 || branch.length : i + 1;
      continue;
    }
    i++;
    run = appendLiteral(run, char.toLowerCase(), branch[i] ?? '', endRun);
  }
  endRun();
  return [...new Set(runs.filter((r) => r.length >= MIN_NEEDLE))].sort((a, b) => b.length - a.length);
}

/** Adds a literal character unless the next token makes it optional or repeatable (then the run ends). */
function appendLiteral(run: string, char: string, following: string, endRun: () => void): string {
  if (following === '?' || following === '*' || following === '{') {
    endRun();
    return '';
  }
  return run + char;
}

/** Index just past the group or class that starts at `start`. */
function skipGroup(source: string, start: number): number {
  const open = source[start];
  if (open === '[') {
    let i = start + 1;
    while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    return i + 1;
  }
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return source.length;
}
