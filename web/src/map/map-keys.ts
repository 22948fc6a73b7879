/** The theme map by keyboard: arrows step through the themes, + - 0 zoom, Escape clears, Enter opens the panel. */

export interface MapKeyActions {
  /** Presenting has keys of its own. */
  presenting(): boolean;
  step(direction: 1 | -1): void;
  zoomBy(factor: number): void;
  fit(): void;
  clear(): void;
  openPanel(): void;
}

export function mapKeyHandler(actions: MapKeyActions): (e: KeyboardEvent) => void {
  const keys: Record<string, () => void> = {
    ArrowRight: () => actions.step(1),
    ArrowDown: () => actions.step(1),
    ArrowLeft: () => actions.step(-1),
    ArrowUp: () => actions.step(-1),
    '+': () => actions.zoomBy(1.25),
    '=': () => actions.zoomBy(1.25),
    '-': () => actions.zoomBy(0.8),
    '0': () => actions.fit(),
    Escape: () => actions.clear(),
    Enter: () => actions.openPanel(),
  };
  return (e) => {
    if (actions.presenting()) return;
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
}

/** The theme after (or before) `current` in stepping order, wrapping round; from none, the first (or last). */
export function stepFrom(order: string[], current: string | null, direction: 1 | -1): string | undefined {
  if (order.length === 0) return undefined;
  const at = current === null ? -1 : order.indexOf(current);
  const next =
    at === -1 ? (direction === 1 ? 0 : order.length - 1) : (at + direction + order.length) % order.length;
  return order[next];
}
