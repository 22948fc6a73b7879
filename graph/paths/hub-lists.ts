/**
 * The first neighbours of hubs, by id, kept between reads. A theme, an agency, a harm type or a source links
 * to thousands of reviews, and an engine that keeps no order on ids reads all of them to name the first few;
 * so the first `PREFIX` ids of each hub's list (per relationship type) are kept, each stamped with the list's
 * version. A read asks the engine for the version alone (cheap: the list is counted, never ordered) and uses
 * the kept ids while it has not changed.
 *
 * The version must change whenever the list does (the embedded engine counts the links and sums their
 * internal offsets: a new link always gets an offset above every existing one, so a list that lost some links
 * and gained as many has a larger sum).
 *
 * The lists are shared by every reader session of a store, and each entry remembers the store's write
 * generation at which its version was last found current: while no write has happened since, a read uses
 * it without asking the engine at all; after a write the version is asked again, so the write is seen at once.
 */
import type { Step } from './neighbourhood.ts';

/** Ids kept per hub and type: twice the largest neighbourhood the server asks for, with room to skip. */
export const PREFIX = 1024;
/** Hub lists kept at most, the oldest dropped first (a list is at most PREFIX ids). */
const CAPACITY = 4096;

export interface HubListEngine {
  /** A value that changes whenever the links of `step.type` at node `id` do. */
  version(step: Step, id: string): Promise<string>;
  /** The first `count` distinct ids linked through `step` to `id`, by id. */
  first(step: Step, id: string, count: number): Promise<string[]>;
}

interface Entry {
  version: string;
  ids: string[];
  /** Every linked id is in `ids`. */
  complete: boolean;
  /** The write generation at which `version` was last read and found current. */
  confirmed: number | null;
}

/** What one hub's kept list says about a node of the other label. */
export interface Cover {
  ids: ReadonlySet<string>;
  /** The largest kept id, or null when the list is complete. */
  upTo: string | null;
}

export class HubLists {
  private readonly entries = new Map<string, Entry>();

  /**
   * A view for one read: each hub's version is asked once, however often the read asks for the hub, and not
   * at all when it was found current in this write `generation` (null while a write is running).
   */
  reader(engine: HubListEngine, generation: number | null): HubListReader {
    return new HubListReader(this.entries, engine, generation);
  }
}

function keyOf(step: Step, id: string): string {
  return `${step.from}\u0000${step.type}\u0000${id}`;
}

export class HubListReader {
  private readonly checked = new Map<string, Promise<Entry>>();

  constructor(
    private readonly entries: Map<string, Entry>,
    private readonly engine: HubListEngine,
    private readonly generation: number | null,
  ) {}

  /** The first `count` ids linked through `step` to hub `id`, by id. */
  async first(step: Step, id: string, count: number): Promise<string[]> {
    if (count > PREFIX) return this.engine.first(step, id, count);
    return (await this.entry(step, id)).ids.slice(0, count);
  }

  /** Whether this read has already asked for the list of hub `id` (so its version is known). */
  asked(step: Step, id: string): boolean {
    return this.checked.has(keyOf(step, id));
  }

  /** The kept list of hub `id` and how far it reaches. */
  async cover(step: Step, id: string): Promise<Cover> {
    const entry = await this.entry(step, id);
    return { ids: new Set(entry.ids), upTo: entry.complete ? null : (entry.ids.at(-1) ?? null) };
  }

  private entry(step: Step, id: string): Promise<Entry> {
    const key = keyOf(step, id);
    let checked = this.checked.get(key);
    if (!checked) {
      checked = this.fresh(key, step, id);
      this.checked.set(key, checked);
    }
    return checked;
  }

  private async fresh(key: string, step: Step, id: string): Promise<Entry> {
    // The version is read before the list: a write between the two leaves an entry stamped older than its
    // ids, which the next read rebuilds; never a current stamp on older ids.
    const known = this.entries.get(key);
    if (known && this.generation !== null && known.confirmed === this.generation) return known;
    const version = await this.engine.version(step, id);
    const kept = this.entries.get(key);
    if (kept && kept.version === version) {
      kept.confirmed = this.generation;
      return kept;
    }
    const ids = await this.engine.first(step, id, PREFIX);
    const entry = { version, ids, complete: ids.length < PREFIX, confirmed: this.generation };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > CAPACITY) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return entry;
  }
}
