/** A minimal observable store: one state value, listeners told the new and the previous state. */

export type Listener<S> = (next: S, prev: S) => void;

export class Store<S> {
  private listeners = new Set<Listener<S>>();

  /** `normalise` applies rules every change must keep (e.g. presentation turns room-safe on). */
  constructor(
    private state: S,
    private readonly normalise: (next: S, prev: S) => S = (next) => next,
  ) {}

  get(): S {
    return this.state;
  }

  set(proposed: S): void {
    const prev = this.state;
    if (proposed === prev) return;
    const next = this.normalise(proposed, prev);
    this.state = next;
    for (const listener of this.listeners) listener(next, prev);
  }

  update(patch: Partial<S> | ((s: S) => Partial<S>)): void {
    const delta = typeof patch === 'function' ? patch(this.state) : patch;
    this.set({ ...this.state, ...delta });
  }

  subscribe(listener: Listener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
