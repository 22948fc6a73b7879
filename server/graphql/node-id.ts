/**
 * Node ids. The canonical id of a node is its plain id: a slug for a theme, harm type or agency
 * ('information-sharing'), a case review's stable id, a source's hash, a statement's id. Every type that
 * is a node returns it as `id`. Graph views (GraphNode, GraphEdge, SearchHit) also carry the typed form
 * 'Label:key' ('Theme:information-sharing'), which stays valid everywhere a node is taken.
 *
 * So an argument that takes a node accepts either spelling: 'Label:key' names the node outright; a plain id
 * is looked up across the kinds of node the argument takes, and is refused, naming the argument, when no
 * node or more than one node has it.
 */

import { NODE_LABELS, type NodeLabel } from '../../graph/schema/model.ts';
import type { NodeRef } from '../../graph/store.ts';
import { badInput } from './errors.ts';

/** The typed spelling, 'Label:key', of a node. */
export function nodeId(ref: NodeRef): string {
  return `${ref.label}:${ref.id}`;
}

/** The node a 'Label:key' id names, or null when `text` is not in that form (then it is a plain id). */
export function typedNodeRef(text: string): NodeRef | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const label = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (id.length === 0 || !(NODE_LABELS as readonly string[]).includes(label)) return null;
  return { label: label as NodeLabel, id };
}

/** Why an id names no single node. */
export type NodeIdErrorKind = 'empty' | 'unknown' | 'ambiguous' | 'wrong-kind';

export interface NodeIdError {
  kind: NodeIdErrorKind;
  argument: string;
  message: string;
}

export type NodeIdResult = { ok: true; ref: NodeRef } | { ok: false; error: NodeIdError };

/** Finds which kinds of node (among `labels`) hold a plain id. */
export type NodeLocator = (id: string, labels: readonly NodeLabel[]) => Promise<NodeLabel[]> | NodeLabel[];

const EXAMPLE = "'information-sharing' or 'Theme:information-sharing'";

function article(label: string): string {
  return /^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}

function kinds(labels: readonly NodeLabel[]): string {
  if (labels.length === 1) return article(labels[0] ?? '');
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/**
 * The node `text` names, among the kinds `labels` an argument takes. A 'Label:key' id is taken as it is
 * (refused when its label is not one the argument takes); a plain id is looked up with `locate`.
 */
export async function resolveNodeId(
  text: string,
  argument: string,
  labels: readonly NodeLabel[],
  locate: NodeLocator,
): Promise<NodeIdResult> {
  const fail = (kind: NodeIdErrorKind, message: string): NodeIdResult => ({
    ok: false,
    error: { kind, argument, message: `${argument}: ${message}` },
  });
  const trimmed = text.trim();
  if (trimmed.length === 0) return fail('empty', `give a node id, such as ${EXAMPLE}`);
  const typed = typedNodeRef(trimmed);
  if (typed) {
    if (labels.includes(typed.label)) return { ok: true, ref: typed };
    return fail(
      'wrong-kind',
      `"${trimmed}" names ${article(typed.label)}, but ${argument} takes ${kinds(labels)}`,
    );
  }
  const found = await locate(trimmed, labels);
  const [only] = found;
  if (found.length === 1 && only) return { ok: true, ref: { label: only, id: trimmed } };
  if (found.length === 0) {
    return fail(
      'unknown',
      `no ${labels.length === 1 ? labels[0] : 'node'} has the id "${trimmed}"; pass an id a query returned (${EXAMPLE})`,
    );
  }
  return fail(
    'ambiguous',
    `"${trimmed}" is the id of more than one node (${found.join(', ')}); name one as 'Label:key', e.g. '${found[0]}:${trimmed}'`,
  );
}

/** resolveNodeId, with a failure thrown as a BAD_USER_INPUT error naming the argument and the problem. */
export async function requireNode(
  text: string,
  argument: string,
  labels: readonly NodeLabel[],
  locate: NodeLocator,
): Promise<NodeRef> {
  const result = await resolveNodeId(text, argument, labels, locate);
  if (result.ok) return result.ref;
  throw nodeIdError(result.error);
}

export function nodeIdError(error: NodeIdError) {
  return badInput(error.message, error.argument);
}

/**
 * The plain id of a node of one kind, from either spelling, without looking it up: 'Theme:neglect' and
 * 'neglect' both give 'neglect' for a theme argument; 'Agency:police' is refused there. Filters and lists
 * of ids check what they are given against the data themselves.
 */
export function plainIdOf(text: string, label: NodeLabel, argument: string): string {
  const typed = typedNodeRef(text);
  if (!typed) return text;
  if (typed.label === label) return typed.id;
  throw badInput(
    `${argument}: "${text}" names ${article(typed.label)}, but ${argument} takes ${article(label)}`,
    argument,
  );
}

export function plainIdsOf(
  ids: readonly string[] | null | undefined,
  label: NodeLabel,
  argument: string,
): string[] | null {
  if (ids === null || ids === undefined) return null;
  return ids.map((id) => plainIdOf(id, label, argument));
}
