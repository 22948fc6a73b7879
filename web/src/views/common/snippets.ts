/**
 * "Copy as GraphQL" and "copy as Python" for the trends and comparison views: the query behind what the
 * view shows, with its variables, and a standard-library Python script that prints the same table.
 */
import type { ViewQuery } from '../../share/snippets.ts';
import { pythonFetch } from '../../share/snippets.ts';

const PRINT_TRENDS = `trends = data["themeTrends"]
population = trends["population"]
print(population["reviews"], "reviews counted;", population["excluded"]["unknownYear"], "with no year left out")
for t in trends["themes"]:
    slope = "" if t["slope"] is None else f'{t["slope"] * 100:+.1f} points a year'
    p = "" if t["pValue"] is None else f'p = {t["pValue"]:.2g}'
    print(f'{t["theme"]["label"]:45} {t["direction"]:15} {slope:20} {p}')

# As a table of shares by year:
#   import pandas as pd
#   rows = [dict(theme=t["theme"]["label"], **y) for t in trends["themes"] for y in t["years"]]
#   shares = pd.DataFrame(rows).pivot(index="year", columns="theme", values="share")`;

const PRINT_COHORTS = `comparison = data["compareCohorts"]
print("A:", comparison["a"]["reviews"], "reviews; B:", comparison["b"]["reviews"], "reviews")
for f in comparison["features"]:
    warning = "  (small counts)" if f["smallCounts"] else ""
    print(f'{f["kind"]:9} {f["label"]:45} {f["a"]["count"]:4} {f["b"]["count"]:4}  '
          f'ratio {f["ratio"]:.2f} [{f["ratioLow"]:.2f}, {f["ratioHigh"]:.2f}]  p = {f["pValue"]:.2g}{warning}')`;

export function analyticsPython(q: ViewQuery, endpoint: string): string {
  const body = q.mainField === 'themeTrends' ? PRINT_TRENDS : PRINT_COHORTS;
  return `${pythonFetch(q, endpoint)}
${body}
`;
}
