/** The theme network as GEXF 1.3 (Gephi): themes as nodes with weight and group, co-occurrence edges. */
import type { LabelledNetwork } from '../graphql/network.ts';
import { xmlEscape as x } from './xml.ts';

export function gexf(network: LabelledNetwork, description: string, today: Date = new Date()): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${today.toISOString().slice(0, 10)}">`,
    '    <creator>Threadline</creator>',
    `    <description>${x(description)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="group" title="group" type="string"/>',
    '      <attribute id="weight" title="weight" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="lift" title="lift" type="double"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of network.nodes) {
    lines.push(
      `      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues><attvalue for="group" value="${x(n.group ?? '')}"/><attvalue for="weight" value="${n.weight}"/></attvalues></node>`,
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
