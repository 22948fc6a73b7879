/**
 * GraphML (yEd, Gephi, networkx.read_graphml): the theme network (themes as nodes, co-occurrence edges,
 * with each theme's centrality and community when the network has them) and the full graph (full-graph.ts).
 */
import type { LabelledNetwork } from '../graphql/network.ts';
import type { AttributeSpec, AttributeValue, FullGraph } from './full-graph.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './full-graph.ts';
import { xmlEscape as x } from './xml.ts';

const HEADER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
];

/** Centrality and community of a theme, present on the significant network the API and exports use. */
const METRICS: { key: string; field: string; type: AttributeSpec['type'] }[] = [
  { key: 'degree', field: 'degree', type: 'int' },
  { key: 'weighted_degree', field: 'weightedDegree', type: 'int' },
  { key: 'betweenness', field: 'betweenness', type: 'double' },
  { key: 'pagerank', field: 'pageRank', type: 'double' },
  { key: 'community', field: 'community', type: 'int' },
];

export function graphml(network: LabelledNetwork): string {
  const metrics = METRICS.filter((m) => network.nodes.some((n) => m.field in n));
  const lines = [
    ...HEADER,
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="group" for="node" attr.name="group" attr.type="string"/>',
    '  <key id="weight" for="node" attr.name="weight" attr.type="int"/>',
    ...metrics.map((m) => `  <key id="${m.key}" for="node" attr.name="${m.key}" attr.type="${m.type}"/>`),
    '  <key id="shared" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="lift" for="edge" attr.name="lift" attr.type="double"/>',
    `  <graph id="themes" edgedefault="undirected">`,
  ];
  for (const n of network.nodes) {
    const values = n as unknown as Record<string, AttributeValue | undefined>;
    const extra = metrics.map((m) => data(m.key, values[m.field] ?? null)).join('');
    lines.push(
      `    <node id="${x(n.id)}"><data key="label">${x(n.label)}</data><data key="group">${x(n.group ?? '')}</data><data key="weight">${n.weight}</data>${extra}</node>`,
    );
  }
  network.edges.forEach((e, i) => {
    lines.push(
      `    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}"><data key="shared">${e.weight}</data><data key="lift">${e.lift}</data></edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** The full graph, directed (review -> source, review -> theme, statement -> agency, ...). */
export function fullGraphml(graph: FullGraph): string {
  return [...fullGraphmlLines(graph)].join('\n');
}

/** fullGraphml line by line, so a large graph can be sent as it is written. */
export function* fullGraphmlLines(graph: FullGraph): Generator<string> {
  const key = (scope: 'node' | 'edge', a: AttributeSpec) =>
    `  <key id="${scope[0]}_${a.id}" for="${scope}" attr.name="${a.id}" attr.type="${a.type}"/>`;
  yield* HEADER;
  yield '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>';
  for (const a of NODE_ATTRIBUTES) yield key('node', a);
  yield '  <key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>';
  for (const a of EDGE_ATTRIBUTES) yield key('edge', a);
  yield '  <graph id="threadline" edgedefault="directed">';
  yield `    <desc>${x(graph.description)}</desc>`;
  for (const n of graph.nodes) {
    const values = NODE_ATTRIBUTES.map((a) => data(`n_${a.id}`, n.attributes[a.id] ?? null)).join('');
    yield `    <node id="${x(n.id)}">${data('n_label', n.label)}${values}</node>`;
  }
  let i = 0;
  for (const e of graph.edges) {
    const values = EDGE_ATTRIBUTES.map((a) =>
      data(`e_${a.id}`, a.id === 'type' ? e.type : (e.attributes[a.id] ?? null)),
    ).join('');
    yield `    <edge id="e${i++}" source="${x(e.source)}" target="${x(e.target)}">${data('e_weight', e.weight)}${values}</edge>`;
  }
  yield '  </graph>';
  yield '</graphml>';
  yield '';
}

/** One data element, or nothing when the value does not apply (readers then leave the attribute unset). */
function data(key: string, value: AttributeValue): string {
  if (value === null) return '';
  return `<data key="${key}">${typeof value === 'number' ? value : x(value)}</data>`;
}
