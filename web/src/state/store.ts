/** A minimal observable store: one state value, listeners told the new and the previous state. */

export type Listener<S> = (next: S, prev: S) => void;

export class Store<S> {
  private listeners = new Set<Listener<S>>();

  constructor(private state: S) {}

  get(): S {
    return this.state;
  }

  set(next: S): void {
    const prev = this.state;
    if (next === prev) return;
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
