/**
 * File exports, honouring the same filters as the API (see exports/query-filter.ts):
 *   /export/theme-network.csv  edges: source,target,source_label,target_label,weight,lift
 *   /export/themes.csv         nodes: id,label,group,weight
 *   /export/graph.graphml      the theme network as GraphML, /export/graph.gexf  as GEXF 1.3
 *   /export/compare-cohorts.csv  the filtered reviews against all others (see exports/cohorts-csv.ts)
 *   /export/reviews.csv, links.csv, statements.csv  tidy tables for notebooks (see exports/tidy-csv.ts)
 *   /export/full-graph.graphml, full-graph.gexf  every node kind and relationship (see exports/full-graph.ts)
 *   /export/recommendation-matrix.csv, recurring-recommendations.csv  (see exports/recommendations-csv.ts)
 */

import type { GraphStore } from '../../graph/store.ts';
import { compareCohorts } from '../analytics/cohorts.ts';
import type { NormalizedFilter } from '../analytics/filter.ts';
import type { AnalyticsIndex } from '../analytics/index.ts';
import { compareCohortsCsv } from '../exports/cohorts-csv.ts';
import { edgesCsv, themesCsv } from '../exports/csv.ts';
import { buildFullGraph } from '../exports/full-graph.ts';
import { fullGexfLines, gexf } from '../exports/gexf.ts';
import { fullGraphmlLines, graphml } from '../exports/graphml.ts';
import { QueryArgumentError, readExportQuery, readLinkParams } from '../exports/query-filter.ts';
import {
  isRecommendationExport,
  RECOMMENDATION_EXPORTS,
  recommendationCsv,
} from '../exports/recommendations-csv.ts';
import { type ReviewPart, readReviewData } from '../exports/review-data.ts';
import { linksCsv, reviewsCsv, statementsCsv } from '../exports/tidy-csv.ts';
import { catalogOf } from '../graphql/catalog.ts';
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
  'reviews.csv',
  'links.csv',
  'statements.csv',
  'full-graph.graphml',
  'full-graph.gexf',
  ...RECOMMENDATION_EXPORTS,
];

/** What each review file reads from the store (the full graph reads everything). */
const PARTS: Record<string, ReviewPart[]> = {
  'reviews.csv': ['reviews', 'statements'],
  'links.csv': ['links'],
  'statements.csv': ['statements'],
};

const LINK_TARGET = { CONCERNS: 'harmTypes', INVOLVED: 'agencies', HAS_THEME: 'themes' } as const;

export async function exportResponse(
  index: AnalyticsIndex,
  path: string,
  params: URLSearchParams,
  store: GraphStore,
): Promise<Response> {
  const file = path.replace(/^\/export\/?/, '');
  if (!EXPORT_FILES.includes(file)) {
    return json(404, {
      error: 'not found',
      message: `no export "${file}"; available: ${EXPORT_FILES.join(', ')}`,
    });
  }
  let filter: NormalizedFilter;
  let network: ReturnType<typeof labelledNetwork>;
  try {
    const query = readExportQuery(params);
    filter = readFilter(index, query.filter);
    if (file === 'compare-cohorts.csv')
      return download(compareCohortsCsv(compareCohorts(index, filter, null)), CSV, file);
    if (isRecommendationExport(file))
      return download(await recommendationCsv(index, store, file, filter), CSV, file);
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
    case 'graph.gexf':
      return download(
        gexf(network, `Theme co-occurrence across ${network.caseCount} case reviews`),
        XML,
        file,
      );
    default:
      return reviewExport(file, store, index, filter, network);
  }
}

/** The exports that read the reviews themselves from the store (a fixed number of reads). */
async function reviewExport(
  file: string,
  store: GraphStore,
  index: AnalyticsIndex,
  filter: NormalizedFilter,
  network: ReturnType<typeof labelledNetwork>,
): Promise<Response> {
  const data = await readReviewData(store, index, filter, PARTS[file] ?? ['reviews', 'links', 'statements']);
  switch (file) {
    case 'reviews.csv':
      return download(reviewsCsv(data), CSV, file);
    case 'links.csv': {
      const catalog = catalogOf(index);
      return download(
        linksCsv(data, (type, id) => catalog.label(LINK_TARGET[type], id)),
        CSV,
        file,
      );
    }
    case 'statements.csv':
      return download(statementsCsv(data), CSV, file);
    case 'full-graph.graphml':
      return streamed(fullGraphmlLines(buildFullGraph(data, index, network)), XML, file);
    default:
      return streamed(fullGexfLines(buildFullGraph(data, index, network)), XML, file);
  }
}

/** Lines joined into chunks of about this many characters, each sent when the client wants more. */
const CHUNK = 256 * 1024;

/**
 * A download written line by line as the client reads it: a graph of 10k reviews is over 100 MB of XML,
 * which would otherwise be held whole (and again as bytes) before the first byte left.
 */
export function streamed(
  lines: Iterator<string>,
  contentType: string,
  filename: string,
  chunkSize = CHUNK,
): Response {
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      let next = lines.next();
      while (!next.done) {
        // Lines are joined by line breaks, as lines.join('\n') would; the first line has none before it.
        chunk += first ? next.value : `\n${next.value}`;
        first = false;
        if (chunk.length >= chunkSize) break;
        next = lines.next();
      }
      if (chunk !== '') controller.enqueue(encoder.encode(chunk));
      if (next.done) controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
