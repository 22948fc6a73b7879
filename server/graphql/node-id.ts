/** GraphNode ids are 'Label:key' (e.g. 'Theme:information-sharing'); keys may themselves contain ':'. */

import { NODE_LABELS, type NodeLabel } from '../../graph/schema/model.ts';
import type { NodeRef } from '../../graph/store.ts';
import { badInput } from './errors.ts';

export function nodeId(ref: NodeRef): string {
  return `${ref.label}:${ref.id}`;
}

export function parseNodeId(text: string, argument: string): NodeRef {
  const colon = text.indexOf(':');
  const label = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (colon <= 0 || id.length === 0 || !(NODE_LABELS as readonly string[]).includes(label)) {
    throw badInput(
      `${argument}: "${text}" is not a node id; use 'Label:key' with Label one of ${NODE_LABELS.join(', ')} (e.g. 'Theme:information-sharing')`,
      argument,
    );
  }
  return { label: label as NodeLabel, id };
}
