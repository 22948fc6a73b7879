/**
 * GEXF 1.3 (Gephi): the theme network (themes as nodes with weight, group and, when present, centrality and
 * community; co-occurrence edges) and the full graph (full-graph.ts).
 */
import type { LabelledNetwork } from '../graphql/network.ts';
import type { AttributeSpec, AttributeValue, FullGraph } from './full-graph.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './full-graph.ts';
import { xmlEscape as x } from './xml.ts';

const GEXF_TYPE: Record<AttributeSpec['type'], string> = {
  string: 'string',
  int: 'integer',
  double: 'double',
};

const METRICS: { id: string; field: string; type: AttributeSpec['type'] }[] = [
  { id: 'degree', field: 'degree', type: 'int' },
  { id: 'weighted_degree', field: 'weightedDegree', type: 'int' },
  { id: 'betweenness', field: 'betweenness', type: 'double' },
  { id: 'pagerank', field: 'pageRank', type: 'double' },
  { id: 'community', field: 'community', type: 'int' },
];

function opening(description: string, today: Date, edgeType: 'undirected' | 'directed'): string[] {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${today.toISOString().slice(0, 10)}">`,
    '    <creator>Threadline</creator>',
    `    <description>${x(description)}</description>`,
    '  </meta>',
    `  <graph mode="static" defaultedgetype="${edgeType}">`,
  ];
}

const declare = (a: { id: string; type: AttributeSpec['type'] }) =>
  `      <attribute id="${a.id}" title="${a.id}" type="${GEXF_TYPE[a.type]}"/>`;

export function gexf(network: LabelledNetwork, description: string, today: Date = new Date()): string {
  const metrics = METRICS.filter((m) => network.nodes.some((n) => m.field in n));
  const lines = [
    ...opening(description, today, 'undirected'),
    '    <attributes class="node">',
    '      <attribute id="group" title="group" type="string"/>',
    '      <attribute id="weight" title="weight" type="integer"/>',
    ...metrics.map(declare),
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="lift" title="lift" type="double"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of network.nodes) {
    const values = n as unknown as Record<string, AttributeValue | undefined>;
    const extra = metrics.map((m) => attvalue(m.id, values[m.field] ?? null)).join('');
    lines.push(
      `      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues><attvalue for="group" value="${x(n.group ?? '')}"/><attvalue for="weight" value="${n.weight}"/>${extra}</attvalues></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  network.edges.forEach((e, i) => {
    lines.push(
      `      <edge id="${i}" source="${x(e.source)}" target="${x(e.target)}" weight="${e.weight}"><attvalues><attvalue for="lift" value="${e.lift}"/></attvalues></edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/** The full graph, directed; an edge's label is its relationship type (also its `type` attribute). */
export function fullGexf(graph: FullGraph, today: Date = new Date()): string {
  return [...fullGexfLines(graph, today)].join('\n');
}

/** fullGexf line by line, so a large graph can be sent as it is written. */
export function* fullGexfLines(graph: FullGraph, today: Date = new Date()): Generator<string> {
  yield* opening(graph.description, today, 'directed');
  yield '    <attributes class="node">';
  yield* NODE_ATTRIBUTES.map(declare);
  yield '    </attributes>';
  yield '    <attributes class="edge">';
  yield* EDGE_ATTRIBUTES.map(declare);
  yield '    </attributes>';
  yield '    <nodes>';
  for (const n of graph.nodes) {
    const values = NODE_ATTRIBUTES.map((a) => attvalue(a.id, n.attributes[a.id] ?? null)).join('');
    yield `      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues>${values}</attvalues></node>`;
  }
  yield '    </nodes>';
  yield '    <edges>';
  let i = 0;
  for (const e of graph.edges) {
    const values = EDGE_ATTRIBUTES.map((a) =>
      attvalue(a.id, a.id === 'type' ? e.type : (e.attributes[a.id] ?? null)),
    ).join('');
    yield `      <edge id="${i++}" source="${x(e.source)}" target="${x(e.target)}" label="${x(e.type)}" weight="${e.weight}"><attvalues>${values}</attvalues></edge>`;
  }
  yield '    </edges>';
  yield '  </graph>';
  yield '</gexf>';
  yield '';
}

function attvalue(id: string, value: AttributeValue): string {
  if (value === null) return '';
  return `<attvalue for="${id}" value="${typeof value === 'number' ? value : x(value)}"/>`;
}
