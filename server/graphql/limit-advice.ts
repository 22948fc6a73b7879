/**
 * What to change when a query goes over a shape limit. The limits themselves (graphql-armor) say only which
 * limit was passed and by how much; these messages say what to lower, and to what.
 *
 * The cost model is graphql-armor's (cost-limit plugin, default weights): a scalar field costs 1; a field
 * with a selection costs 2 plus 1.5 × the cost of each field under it, all multiplied by its `first`
 * argument when that is written in the query (a variable counts as 1). Introspection costs nothing.
 */
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionNode,
} from 'graphql';

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

/** A field whose `first` argument is written in the query: lowering it lowers the cost. */
interface PagedField {
  node: FieldNode;
  /** Where it is, by response names from the root ('cases.edges.node.themes.theme.cases'). */
  path: string;
  first: number;
}

/** The `first` value written in a field's arguments, or null when it is absent or a variable. */
function literalFirst(field: FieldNode): number | null {
  const arg = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (arg?.value.kind !== 'IntValue') return null;
  return Number.parseInt(arg.value.value, 10);
}

class CostModel {
  readonly paged: PagedField[] = [];
  private readonly fragments = new Map<string, FragmentDefinitionNode>();

  constructor(document: DocumentNode) {
    for (const d of document.definitions)
      if (d.kind === 'FragmentDefinition') this.fragments.set(d.name.value, d);
  }

  /** The operation's cost, with one field's multiplier replaced when `override` is given. */
  cost(operation: OperationDefinitionNode, override?: { node: FieldNode; first: number }): number {
    return operation.selectionSet.selections.reduce(
      (sum, s) => sum + this.selection(s, '', override, new Set()),
      0,
    );
  }

  /** Walks the operation once to list the fields with a written `first`. */
  collect(operation: OperationDefinitionNode): void {
    for (const s of operation.selectionSet.selections) this.selection(s, '', undefined, new Set(), true);
  }

  private selection(
    node: SelectionNode,
    at: string,
    override: { node: FieldNode; first: number } | undefined,
    seen: Set<string>,
    collect = false,
  ): number {
    if (node.kind === 'FragmentSpread') {
      const fragment = this.fragments.get(node.name.value);
      if (!fragment || seen.has(node.name.value)) return SCALAR_COST;
      const inner = new Set(seen).add(node.name.value);
      const cost = fragment.selectionSet.selections.reduce(
        (sum, s) => sum + DEPTH_FACTOR * this.selection(s, at, override, inner, collect),
        OBJECT_COST,
      );
      return SCALAR_COST + DEPTH_FACTOR * cost;
    }
    if (node.kind === 'InlineFragment') {
      return node.selectionSet.selections.reduce(
        (sum, s) => sum + DEPTH_FACTOR * this.selection(s, at, override, seen, collect),
        OBJECT_COST,
      );
    }
    if (node.name.value === '__schema') return 0;
    if (!node.selectionSet) return SCALAR_COST;
    const path = at === '' ? (node.alias ?? node.name).value : `${at}.${(node.alias ?? node.name).value}`;
    const written = literalFirst(node);
    if (collect && written !== null) this.paged.push({ node, path, first: written });
    const multiplier = override?.node === node ? override.first : Math.max(written ?? 1, 1);
    const children = node.selectionSet.selections.reduce(
      (sum, s) => sum + DEPTH_FACTOR * this.selection(s, path, override, seen, collect),
      OBJECT_COST,
    );
    return children * multiplier;
  }
}

/** The advice for one operation over the cost limit: which `first` to lower, and to what. */
function costAdvice(document: DocumentNode, maxCost: number): string {
  for (const d of document.definitions) {
    if (d.kind !== 'OperationDefinition') continue;
    const model = new CostModel(document);
    const total = model.cost(d);
    if (total <= maxCost) continue;
    model.collect(d);
    let best: { path: string; allowed: number; saving: number } | null = null;
    for (const field of model.paged) {
      // The cost is linear in each field's multiplier: total = without + perItem × first.
      const without = model.cost(d, { node: field.node, first: 0 });
      const perItem = model.cost(d, { node: field.node, first: 1 }) - without;
      if (perItem <= 0) continue;
      const allowed = Math.floor((maxCost - without) / perItem);
      const saving = total - without;
      if (allowed >= 1 && allowed < field.first && (!best || saving > best.saving)) {
        best = { path: field.path, allowed, saving };
      }
    }
    if (best) return `lower \`first\` on ${best.path} to ≤ ${best.allowed} or ask for fewer nested fields`;
  }
  return 'ask for fewer fields or fewer nested lists (lists count once per item they ask for with first), and send the rest in a second request';
}

const COST = /^Query Cost limit of (\d+) exceeded, found (\d+(?:\.\d+)?)\.$/;
const DEPTH = /^Query depth limit of (\d+) exceeded, found (\d+)\.$/;
const ALIASES = /^Aliases limit of (\d+) exceeded, found (\d+)\.$/;
const DIRECTIVES = /^Directives limit of (\d+) exceeded, found (\d+)\.$/;

/**
 * The message a caller sees for a limit graphql-armor refused a query by: the same numbers, and what to
 * change. A message this module does not know is returned as it is.
 */
export function limitMessage(message: string, document: DocumentNode | null): string {
  const cost = COST.exec(message);
  if (cost) {
    const [, max, found] = cost;
    const advice = document
      ? costAdvice(document, Number(max))
      : 'ask for fewer fields or fewer nested lists';
    return `${advice}; this query costs ${Math.ceil(Number(found))} of the ${max} allowed`;
  }
  const depth = DEPTH.exec(message);
  if (depth) {
    const [, max, found] = depth;
    return `ask for fewer nested levels: this query is ${found} levels deep, more than the ${max} allowed; take what is deeper in a second query (for example case(id) for a review's links)`;
  }
  const aliases = ALIASES.exec(message);
  if (aliases) {
    const [, max, found] = aliases;
    return `send fewer aliased fields per request: this query has ${found} aliases, more than the ${max} allowed; split it into requests of ${max} or fewer`;
  }
  const directives = DIRECTIVES.exec(message);
  if (directives) {
    const [, max, found] = directives;
    return `use fewer directives: this query has ${found}, more than the ${max} allowed`;
  }
  return message;
}
