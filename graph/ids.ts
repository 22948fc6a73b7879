/**
 * Node references as one string, `Label:key` (e.g. `Theme:information-sharing`), for places that need a
 * single global id: GraphQL ids, URLs, cache keys. Keys may themselves contain colons; only the first one splits.
 */
import { NODE_LABELS, type NodeLabel } from './schema/model.ts';
import type { NodeRef } from './store.ts';

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function formatNodeRef(ref: NodeRef): string {
  return `${ref.label}:${ref.id}`;
}

/** Null when the text is not `Label:key` with a known label and a non-empty key. */
export function parseNodeRef(text: string): NodeRef | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const label = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (!isNodeLabel(label) || id === '') return null;
  return { label, id };
}
