/**
 * A neighbourhood walk whose reads are bounded by its answer. The answer is fixed by read-rules: breadth
 * first, each distance's new nodes by label then id, until `limit` nodes. Within one distance the labels
 * come in order, so a label's block is read only while room is left, and only its first ids: a theme with
 * tens of thousands of reviews gives its first few reviews by id and is never read in full into memory,
 * nor are its learning statements and recommendations once the reviews have filled the answer.
 *
 * The engine answers "the first `count` nodes of one label linked by one relationship type to any of these
 * nodes, by id"; an engine that keeps neighbours in id order can stop after `count`, one that does not
 * still sends only `count` rows.
 */
import { compareText } from '../read-rules.ts';
import { NODE_LABELS, type NodeLabel, RELATIONSHIPS, type RelType } from '../schema/model.ts';
import type { NodeRef } from '../store.ts';

/** One relationship type seen from the side of `from`: `outgoing` when `from` is where it is stored from. */
export interface Step {
  from: NodeLabel;
  type: RelType;
  to: NodeLabel;
  outgoing: boolean;
}

/**
 * The first `count` distinct ids (by code unit) of nodes of `step.to` linked through `step.type` to any of
 * `ids` (all of label `step.from`); fewer when there are fewer.
 */
export type FirstLinked = (step: Step, ids: readonly string[], count: number) => Promise<string[]>;

export interface Walked {
  /** The start, then each distance's nodes by label and id. */
  nodes: NodeRef[];
}

/** Every step out of a label, grouped by the label it reaches, labels in code-unit order. */
const STEPS_BY_TARGET: ReadonlyMap<NodeLabel, ReadonlyArray<{ to: NodeLabel; steps: Step[] }>> = new Map(
  NODE_LABELS.map((from) => {
    const steps: Step[] = RELATIONSHIPS.flatMap((rel): Step[] => {
      if (rel.from === from) return [{ from, type: rel.type, to: rel.to, outgoing: true }];
      if (rel.to === from) return [{ from, type: rel.type, to: rel.from, outgoing: false }];
      return [];
    });
    const targets = [...new Set(steps.map((s) => s.to))].sort(compareText);
    return [from, targets.map((to) => ({ to, steps: steps.filter((s) => s.to === to) }))];
  }),
);

export function stepsFrom(label: NodeLabel): ReadonlyArray<{ to: NodeLabel; steps: Step[] }> {
  return STEPS_BY_TARGET.get(label) ?? [];
}

function keyOf(ref: NodeRef): string {
  return `${ref.label}\u0000${ref.id}`;
}

/**
 * Breadth first from `start` (known to exist) up to `depth` hops and `limit` nodes, the start included.
 * Each distance asks, label by label in order, for as many ids as there is room for plus as many as are
 * already taken of that label (those may come first by id and are skipped); so the room left is always
 * filled exactly by the smallest new ids.
 */
export async function walkNeighbourhood(
  start: NodeRef,
  depth: number,
  limit: number,
  firstLinked: FirstLinked,
): Promise<Walked> {
  const max = Math.floor(limit);
  if (max < 1) return { nodes: [] };
  const nodes: NodeRef[] = [start];
  const seen = new Set([keyOf(start)]);
  const seenOfLabel = new Map<NodeLabel, number>([[start.label, 1]]);
  let frontier: NodeRef[] = [start];
  for (let distance = 1; distance <= depth && frontier.length > 0 && nodes.length < max; distance++) {
    const idsOf = new Map<NodeLabel, string[]>();
    for (const ref of frontier) idsOf.set(ref.label, [...(idsOf.get(ref.label) ?? []), ref.id]);
    const targets = new Map<NodeLabel, Step[]>();
    for (const label of idsOf.keys())
      for (const { to, steps } of stepsFrom(label)) targets.set(to, [...(targets.get(to) ?? []), ...steps]);
    const reached: NodeRef[] = [];
    for (const label of [...targets.keys()].sort(compareText)) {
      const room = max - nodes.length - reached.length;
      if (room <= 0) break;
      const count = room + (seenOfLabel.get(label) ?? 0);
      const found = new Set<string>();
      for (const step of targets.get(label) ?? []) {
        for (const id of await firstLinked(step, idsOf.get(step.from) ?? [], count)) found.add(id);
      }
      const fresh = [...found].filter((id) => !seen.has(keyOf({ label, id }))).sort(compareText);
      for (const id of fresh.slice(0, room)) reached.push({ label, id });
    }
    for (const ref of reached) {
      seen.add(keyOf(ref));
      seenOfLabel.set(ref.label, (seenOfLabel.get(ref.label) ?? 0) + 1);
      nodes.push(ref);
    }
    frontier = reached;
  }
  return { nodes };
}
