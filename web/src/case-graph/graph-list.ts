/** The list view of the case graph: every node with its kind, a button to select (and expand) it. */
import type { GraphNode } from '../api/types.ts';
import { h } from '../shell/dom.ts';
import type { CaseGraph } from './case-graph.ts';
import { KIND_ORDER, KINDS } from './kinds.ts';

export function graphNodeList(
  graph: CaseGraph,
  caption: (node: GraphNode) => string,
  choose: (id: string) => void,
): HTMLElement {
  const nodes = [...graph.data.nodes.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.caption.localeCompare(b.caption),
  );
  return h(
    'ul',
    { class: 'graph-node-list', 'data-testid': 'graph-node-list', 'aria-label': 'Nodes in the case graph' },
    nodes.map((n) =>
      h(
        'li',
        { 'data-testid': 'graph-node-row' },
        h('span', { class: `kind-tag kind-${n.kind}` }, KINDS[n.kind].label),
        h('button', { type: 'button', class: 'row-button', onclick: () => choose(n.id) }, caption(n)),
        graph.expanded.has(n.id) ? h('span', { class: 'meta' }, ' · neighbours shown') : null,
      ),
    ),
  );
}
