/**
 * File exports of the theme network, honouring the same filters as the API (see exports/query-filter.ts):
 *   /export/theme-network.csv  edges: source,target,source_label,target_label,weight,lift
 *   /export/themes.csv         nodes: id,label,group,weight
 *   /export/graph.graphml      GraphML, /export/graph.gexf  GEXF 1.3
 *   /export/compare-cohorts.csv  the filtered reviews against all others (see exports/cohorts-csv.ts)
 */
import { compareCohorts } from '../analytics/cohorts.ts';
import type { AnalyticsIndex } from '../analytics/index.ts';
import { compareCohortsCsv } from '../exports/cohorts-csv.ts';
import { edgesCsv, themesCsv } from '../exports/csv.ts';
import { gexf } from '../exports/gexf.ts';
import { graphml } from '../exports/graphml.ts';
import { QueryArgumentError, readExportQuery, readLinkParams } from '../exports/query-filter.ts';
import { isUserError } from '../graphql/errors.ts';
import { labelledNetwork } from '../graphql/network.ts';
import { readLinkOptions } from '../graphql/resolvers/analytics.ts';
import { readFilter } from '../graphql/resolvers/args.ts';
import { download, json } from './respond.ts';

const CSV = 'text/csv; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

export const EXPORT_FILES = [
  'theme-network.csv',
  'themes.csv',
  'graph.graphml',
  'graph.gexf',
  'compare-cohorts.csv',
];

export async function exportResponse(
  index: AnalyticsIndex,
  path: string,
  params: URLSearchParams,
): Promise<Response> {
  const file = path.replace(/^\/export\/?/, '');
  if (!EXPORT_FILES.includes(file)) {
    return json(404, {
      error: 'not found',
      message: `no export "${file}"; available: ${EXPORT_FILES.join(', ')}`,
    });
  }
  let network: ReturnType<typeof labelledNetwork>;
  try {
    const query = readExportQuery(params);
    const filter = readFilter(index, query.filter);
    if (file === 'compare-cohorts.csv')
      return download(compareCohortsCsv(compareCohorts(index, filter, null)), CSV, file);
    network = labelledNetwork(index, filter, readLinkOptions(readLinkParams(params)));
  } catch (e) {
    if (e instanceof QueryArgumentError || isUserError(e)) {
      return json(400, { error: 'bad request', message: e.message });
    }
    throw e;
  }
  switch (file) {
    case 'theme-network.csv':
      return download(edgesCsv(network), CSV, file);
    case 'themes.csv':
      return download(themesCsv(network), CSV, file);
    case 'graph.graphml':
      return download(graphml(network), XML, file);
    default:
      return download(
        gexf(network, `Theme co-occurrence across ${network.caseCount} case reviews`),
        XML,
        file,
      );
  }
}
