/**
 * Keeps the search index (text-index.ts) beside the analytics index: the analytics keeper hands it every
 * change it reads (the reviews it read again, the sources touched, the reviews the graph holds now), and it
 * reads those reviews' statements from the store. The first build runs in the background after the
 * analytics index is in place; until it is done (or after an update failed, until a full build succeeds)
 * the keeper is not ready and `search` answers null: the server then asks the store, whose scan gives the
 * same answer, only slower. Updates run one at a time, in the order given, and while one is waiting or
 * running the keeper is not ready either, so a search never misses what the store already holds.
 *
 * Given a file to save in (saved-search.ts), the keeper saves the index after every update made under a known
 * store mark, in the background, the latest only; the first full build reads that file back instead of
 * the store when it was saved under the same mark.
 */
import type { CaseReviewRecord } from '../../graph/records.ts';
import type { GraphStore, SearchHit, StatementKind } from '../../graph/store.ts';
import { LatestSave } from '../analytics/saved-file.ts';
import { readSavedSearch, writeSavedSearch } from './saved-search.ts';
import {
  caseDocument,
  type SavedSegment,
  SearchIndex,
  type SearchIndexStats,
  type SearchTaxonomy,
  type StatementDocument,
  statementDocument,
} from './text-index.ts';

type StatementReader = Pick<GraphStore, 'statements' | 'casesByIds'>;

export interface SearchChange {
  /** Every review's documents are read afresh (the first build, or a rebuild of everything). */
  full: boolean;
  /** The reviews read again, with their records (all of them when `full`). */
  records: readonly CaseReviewRecord[];
  /** Reviews whose documents go before the records are added: read again, or removed. */
  stale: readonly string[];
  /** Sources a write touched: their statements go and are read again with their reviews. */
  sources: readonly string[];
  /** Every review the graph holds now. */
  present: readonly string[];
  /** The store mark the change was read under (persisted-index.ts), when known: the index is saved under it. */
  mark?: string;
}

export interface SearchKeeperOptions {
  /**
   * Where the index is saved after each update and read back at the first full build, and how to read the
   * store's mark now (an update whose mark it no longer is would be stale, and is not saved); null: never saved.
   */
  saved?: { path: string; currentMark: () => Promise<string> } | null;
  /** Where it says what happened to the saved index (one line each). */
  log?: (line: string) => void;
}

interface SaveJob {
  mark: string;
  segments: SavedSegment[];
}

/** Reviews whose statements are read in one store call. */
const STATEMENT_BATCH = 2500;
const KINDS: readonly StatementKind[] = ['learning', 'recommendation'];

export class SearchKeeper {
  private index = new SearchIndex();
  private queue: Promise<unknown> = Promise.resolve();
  private built = false;
  /** An update failed: the next one reads everything again. */
  private broken = false;
  /** Updates given and not yet applied: until they are, the index may miss what the store holds. */
  private pending = 0;
  private readonly savedPath: string | null;
  private readonly log: (line: string) => void;
  /** Whether a full build has looked for the saved index (once per keeper). */
  private triedSaved = false;
  /** Saves updates in the background, the latest only; null: never saved. */
  private readonly saver: LatestSave<SaveJob> | null;

  constructor(
    private readonly store: StatementReader,
    options: SearchKeeperOptions = {},
  ) {
    const saved = options.saved ?? null;
    this.savedPath = saved?.path ?? null;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.saver =
      saved === null
        ? null
        : new LatestSave<SaveJob>({
            write: (job) => writeSavedSearch(saved.path, job.mark, job.segments),
            // A write since the update read the store changed the mark: the update that follows it saves.
            currentMark: saved.currentMark,
            failed: (e) =>
              this.log(
                `threadline: the search index could not be saved to ${saved.path} (${e instanceof Error ? e.message : String(e)}); the next start builds it from the store`,
              ),
          });
  }

  /** Resolves once every update given so far has been applied (or has failed). */
  async settled(): Promise<void> {
    while (this.pending > 0) await this.queue.catch(() => undefined);
  }

  /** Resolves once every update given so far has been applied and saved (or failed to be, which is logged). */
  async saved(): Promise<void> {
    await this.settled();
    await this.saver?.saved();
  }

  get ready(): boolean {
    return this.built && !this.broken && this.pending === 0;
  }

  /** The store's search answered from memory, or null while the index is not ready. */
  search(text: string, limit: number, taxonomy: SearchTaxonomy): SearchHit[] | null {
    return this.ready ? this.index.search(text, limit, taxonomy) : null;
  }

  stats(): SearchIndexStats {
    return this.index.stats();
  }

  /** Applies one change once those before it are applied; never rejects (a failure leaves it not ready). */
  update(change: SearchChange): Promise<void> {
    this.pending++;
    const run = this.queue
      .then(() => this.apply(change))
      .finally(() => {
        this.pending--;
      });
    this.queue = run;
    return run;
  }

  private async apply(change: SearchChange): Promise<void> {
    try {
      let restored = false;
      if (change.full || this.broken) restored = await this.rebuildAll(change);
      else await this.applyChange(change);
      this.broken = false;
      this.built = true;
      if (!restored && change.mark !== undefined)
        this.saver?.save({ mark: change.mark, segments: this.index.saved() });
    } catch {
      this.broken = true;
    }
  }

  /** Reads every document again, from the saved file when it holds for the change's mark; true if it did. */
  private async rebuildAll(change: SearchChange): Promise<boolean> {
    if (this.savedPath !== null && change.mark !== undefined && !this.triedSaved) {
      this.triedSaved = true;
      const loaded = await readSavedSearch(this.savedPath, change.mark);
      if (loaded.ok) {
        this.index = loaded.index;
        return true;
      }
      this.log(`threadline: ${loaded.problem.message}`);
    }
    const given = new Map(change.records.map((r) => [r.id, r]));
    const missing = change.present.filter((id) => !given.has(id));
    const records = [...change.records, ...(await this.readCases(missing))];
    const present = new Set(change.present);
    const statements = await this.readStatements(null);
    const index = new SearchIndex();
    index.add(
      records.filter((r) => present.has(r.id)).map(caseDocument),
      statements.filter((s) => present.has(s.caseId)),
    );
    this.index = index;
    return false;
  }

  private async applyChange(change: SearchChange): Promise<void> {
    const present = new Set(change.present);
    const reread = change.stale.filter((id) => present.has(id));
    const statements = await this.readStatements(reread);
    this.index.remove({ cases: new Set(change.stale), sources: new Set(change.sources), present });
    const wanted = new Set(reread);
    this.index.add(
      change.records.filter((r) => wanted.has(r.id)).map(caseDocument),
      statements.filter((s) => wanted.has(s.caseId)),
    );
  }

  private async readCases(ids: readonly string[]): Promise<CaseReviewRecord[]> {
    const out: CaseReviewRecord[] = [];
    for (let i = 0; i < ids.length; i += STATEMENT_BATCH) {
      out.push(...(await this.store.casesByIds(ids.slice(i, i + STATEMENT_BATCH))));
    }
    return out;
  }

  /** The statements of these reviews (null = of every review). */
  private async readStatements(caseIds: readonly string[] | null): Promise<StatementDocument[]> {
    const out: StatementDocument[] = [];
    const batches: (string[] | undefined)[] = [];
    if (caseIds === null) batches.push(undefined);
    else
      for (let i = 0; i < caseIds.length; i += STATEMENT_BATCH)
        batches.push(caseIds.slice(i, i + STATEMENT_BATCH));
    for (const kind of KINDS) {
      for (const batch of batches) {
        const { items } = await this.store.statements({
          kind,
          caseIds: batch,
          limit: 2 ** 31 - 1,
          offset: 0,
        });
        for (const item of items) out.push(statementDocument(item));
      }
    }
    return out;
  }
}
