/** The case graph's side of the panel: what a node is, expanding it, and "how is this connected to…?". */
import type { GraphNode, GraphPath } from '../api/types.ts';
import { reviewCaption } from '../presentation/pseudonyms.ts';
import { h } from '../shell/dom.ts';
import { KINDS } from './kinds.ts';

export interface GraphPanelContext {
  roomSafe: boolean;
  caption(node: GraphNode): string;
  expand(id: string): void;
  connect(from: string, to: string): void;
  selectNode(id: string): void;
  openCase(id: string): void;
}

export interface GraphPanelInput {
  node: GraphNode;
  expanded: boolean;
  /** Other nodes in the graph, offered as the other end of a connection question. */
  others: GraphNode[];
  neighbours: GraphNode[];
  paths: GraphPath[] | null;
  pathTarget: string | null;
  pathError: string | null;
}

export function graphActions(input: GraphPanelInput, ctx: GraphPanelContext): HTMLElement {
  const { node } = input;
  const select = h(
    'select',
    { id: 'connect-to', class: 'connect-select' },
    input.others.map((o) =>
      h(
        'option',
        { value: o.id, selected: o.id === input.pathTarget },
        `${KINDS[o.kind].label}: ${ctx.caption(o)}`,
      ),
    ),
  );
  return h(
    'section',
    { class: 'graph-actions', 'aria-label': 'Case graph actions' },
    h(
      'div',
      { class: 'panel-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          disabled: input.expanded,
          onclick: () => ctx.expand(node.id),
        },
        input.expanded ? 'Neighbours shown' : 'Show neighbours',
      ),
    ),
    input.others.length
      ? h(
          'form',
          {
            class: 'connect',
            onsubmit: (e: Event) => {
              e.preventDefault();
              if (select.value) ctx.connect(node.id, select.value);
            },
          },
          h('label', { for: 'connect-to' }, 'How is this connected to…'),
          h(
            'div',
            { class: 'connect-row' },
            select,
            h('button', { type: 'submit', class: 'button', 'data-testid': 'connect' }, 'Find paths'),
          ),
        )
      : null,
    input.pathError ? h('p', { class: 'panel-error', role: 'alert' }, input.pathError) : null,
    input.paths ? pathsList(input.paths, ctx) : null,
  );
}

export function graphNodePanel(input: GraphPanelInput, ctx: GraphPanelContext): HTMLElement {
  const { node } = input;
  return h(
    'article',
    { class: 'panel-article', 'data-testid': 'graph-node-panel' },
    h(
      'p',
      { class: 'eyebrow' },
      h('span', { class: `kind-dot kind-${node.kind}`, 'aria-hidden': 'true' }),
      KINDS[node.kind].label,
    ),
    h(
      'h2',
      {
        tabindex: '-1',
        class: node.kind === 'LEARNING' || node.kind === 'RECOMMENDATION' ? 'statement-title' : '',
      },
      ctx.caption(node),
    ),
    graphActions(input, ctx),
    input.neighbours.length
      ? h(
          'section',
          {},
          h('h3', {}, `Connected here (${input.neighbours.length})`),
          h(
            'ul',
            { class: 'neighbour-list' },
            input.neighbours.map((n) =>
              h(
                'li',
                {},
                h('span', { class: `kind-dot kind-${n.kind}`, 'aria-hidden': 'true' }),
                h(
                  'button',
                  { type: 'button', class: 'button-link', onclick: () => ctx.selectNode(n.id) },
                  ctx.caption(n),
                ),
                h('span', { class: 'meta' }, ` ${KINDS[n.kind].label}`),
              ),
            ),
          ),
        )
      : null,
  );
}

function pathsList(paths: GraphPath[], ctx: GraphPanelContext): HTMLElement {
  if (paths.length === 0) {
    return h(
      'p',
      { class: 'hint', role: 'status' },
      'No path within the hop limit. Try nodes closer together.',
    );
  }
  return h(
    'section',
    { class: 'paths', 'data-testid': 'paths', role: 'status' },
    h('h3', {}, `${paths.length === 1 ? 'One path' : `${paths.length} paths`} found`),
    h(
      'ol',
      { class: 'path-list' },
      paths.map((p) =>
        h(
          'li',
          { class: 'path' },
          h(
            'p',
            { class: 'path-chain' },
            p.nodes.map((n, i) => [
              i > 0 ? h('span', { class: 'path-arrow', 'aria-hidden': 'true' }, ' → ') : null,
              h(
                'button',
                {
                  type: 'button',
                  class: `chip chip-button kind-chip kind-${n.kind}`,
                  onclick: () => ctx.selectNode(n.id),
                },
                ctx.caption(n),
              ),
            ]),
          ),
          p.cases.length
            ? h(
                'p',
                { class: 'meta' },
                'Through: ',
                p.cases.map((c, i) => [
                  i > 0 ? ', ' : null,
                  h(
                    'button',
                    { type: 'button', class: 'button-link', onclick: () => ctx.openCase(c.id) },
                    reviewCaption(c, ctx.roomSafe),
                  ),
                ]),
              )
            : null,
        ),
      ),
    ),
  );
}
