/**
 * GraphML and GEXF of exactly what the theme map shows: the same themes and links (the view's filters,
 * link thresholds and room-safe floor already applied), with communities and centrality as attributes.
 * Made in the browser from the drawn model, so a file can never hold more than the screen.
 */
import type { MapModel } from '../map/map-model.ts';
import { text as x } from './svg.ts';

function attr(value: string): string {
  return x(value).replace(/"/g, '&quot;');
}

function num(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '0';
}

export function graphmlOf(model: MapModel, description: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${x(description)}</desc>`,
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="community" for="node" attr.name="community" attr.type="string"/>',
    '  <key id="weight" for="node" attr.name="weight" attr.type="int"/>',
    '  <key id="degree" for="node" attr.name="degree" attr.type="int"/>',
    '  <key id="betweenness" for="node" attr.name="betweenness" attr.type="double"/>',
    '  <key id="pagerank" for="node" attr.name="pagerank" attr.type="double"/>',
    '  <key id="shared" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="lift" for="edge" attr.name="lift" attr.type="double"/>',
    '  <key id="p" for="edge" attr.name="p_value" attr.type="double"/>',
    '  <graph id="themes" edgedefault="undirected">',
  ];
  for (const n of model.nodes) {
    lines.push(
      `    <node id="${attr(n.id)}"><data key="label">${x(n.label)}</data><data key="community">${x(n.regionName)}</data><data key="weight">${n.weight}</data><data key="degree">${n.degree}</data><data key="betweenness">${num(n.betweenness)}</data><data key="pagerank">${num(n.pageRank)}</data></node>`,
    );
  }
  model.edges.forEach((e, i) => {
    lines.push(
      `    <edge id="e${i}" source="${attr(e.source)}" target="${attr(e.target)}"><data key="shared">${e.weight}</data><data key="lift">${num(e.lift)}</data><data key="p">${num(e.pValue)}</data></edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function gexfOf(model: MapModel, description: string, today: Date = new Date()): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${today.toISOString().slice(0, 10)}">`,
    '    <creator>Threadline</creator>',
    `    <description>${x(description)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="community" title="community" type="string"/>',
    '      <attribute id="weight" title="weight" type="integer"/>',
    '      <attribute id="degree" title="degree" type="integer"/>',
    '      <attribute id="betweenness" title="betweenness" type="double"/>',
    '      <attribute id="pagerank" title="pagerank" type="double"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="lift" title="lift" type="double"/>',
    '      <attribute id="p" title="p_value" type="double"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of model.nodes) {
    lines.push(
      `      <node id="${attr(n.id)}" label="${attr(n.label)}"><attvalues><attvalue for="community" value="${attr(n.regionName)}"/><attvalue for="weight" value="${n.weight}"/><attvalue for="degree" value="${n.degree}"/><attvalue for="betweenness" value="${num(n.betweenness)}"/><attvalue for="pagerank" value="${num(n.pageRank)}"/></attvalues></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  model.edges.forEach((e, i) => {
    lines.push(
      `      <edge id="${i}" source="${attr(e.source)}" target="${attr(e.target)}" weight="${e.weight}"><attvalues><attvalue for="lift" value="${num(e.lift)}"/><attvalue for="p" value="${num(e.pValue)}"/></attvalues></edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
