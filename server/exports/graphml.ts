/** The theme network as GraphML (yEd, Gephi, networkx.read_graphml): themes as nodes, co-occurrence edges. */
import type { LabelledNetwork } from '../graphql/network.ts';
import { xmlEscape as x } from './xml.ts';

export function graphml(network: LabelledNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="group" for="node" attr.name="group" attr.type="string"/>',
    '  <key id="weight" for="node" attr.name="weight" attr.type="int"/>',
    '  <key id="shared" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="lift" for="edge" attr.name="lift" attr.type="double"/>',
    `  <graph id="themes" edgedefault="undirected">`,
  ];
  for (const n of network.nodes) {
    lines.push(
      `    <node id="${x(n.id)}"><data key="label">${x(n.label)}</data><data key="group">${x(n.group ?? '')}</data><data key="weight">${n.weight}</data></node>`,
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
