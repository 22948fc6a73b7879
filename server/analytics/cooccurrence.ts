/**
 * The hot loop behind the theme map: for every case in scope, count each of its themes and each pair of
 * them. Themes per case are stored flat (CSR: case p's themes are list[start[p] .. start[p+1]), ascending),
 * and the scope is walked word by word, so counting 100k cases is a few million array increments.
 */
export interface CaseThemes {
  start: Int32Array;
  list: Int32Array;
  themeCount: number;
}

export interface Cooccurrence {
  cases: number;
  /** weights[a] = cases with theme a. */
  weights: Uint32Array;
  /** pairs[a * themeCount + b], a < b = cases with both. */
  pairs: Uint32Array;
}

export function countCooccurrence(scope: Uint32Array, themes: CaseThemes): Cooccurrence {
  const t = themes.themeCount;
  const weights = new Uint32Array(t);
  const pairs = new Uint32Array(t * t);
  const { start, list } = themes;
  let cases = 0;
  for (let w = 0; w < scope.length; w++) {
    let word = scope[w]!;
    while (word !== 0) {
      const p = (w << 5) + 31 - Math.clz32(word & -word);
      word &= word - 1;
      cases++;
      const end = start[p + 1]!;
      for (let i = start[p]!; i < end; i++) {
        const a = list[i]!;
        weights[a] = weights[a]! + 1;
        const row = a * t;
        for (let j = i + 1; j < end; j++) {
          const cell = row + list[j]!;
          pairs[cell] = pairs[cell]! + 1;
        }
      }
    }
  }
  return { cases, weights, pairs };
}

/** Cases in scope per theme, and per theme shared with `self`. */
export function countAround(
  scope: Uint32Array,
  themes: CaseThemes,
  self: number,
): { cases: number; weights: Uint32Array; shared: Uint32Array } {
  const weights = new Uint32Array(themes.themeCount);
  const shared = new Uint32Array(themes.themeCount);
  const { start, list } = themes;
  let cases = 0;
  for (let w = 0; w < scope.length; w++) {
    let word = scope[w]!;
    while (word !== 0) {
      const p = (w << 5) + 31 - Math.clz32(word & -word);
      word &= word - 1;
      cases++;
      const begin = start[p]!;
      const end = start[p + 1]!;
      let hasSelf = false;
      for (let i = begin; i < end; i++) {
        const a = list[i]!;
        weights[a] = weights[a]! + 1;
        if (a === self) hasSelf = true;
      }
      if (!hasSelf) continue;
      for (let i = begin; i < end; i++) {
        const a = list[i]!;
        if (a !== self) shared[a] = shared[a]! + 1;
      }
    }
  }
  return { cases, weights, shared };
}
