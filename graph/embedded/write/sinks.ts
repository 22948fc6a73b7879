/**
 * Two ways to create rows inside the load transaction: UNWIND statements (small loads: no files, no fixed
 * cost) and COPY from staged CSV files (large loads: ~10x the rows per second). Both create only; updates of
 * rows that already exist always go through UNWIND (see load.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError } from '../../errors.ts';
import type { LinkRecord } from '../../records.ts';
import { type NodeLabel, type RelType, relDecl } from '../../schema/model.ts';
import type { Session } from '../database.ts';
import { makeStagingDir } from '../files.ts';
import { CsvFile, type CsvValue, csvCanHold } from './csv.ts';
import {
  chunks,
  createLinksCypher,
  createNodesCypher,
  existingIdsCypher,
  linkParamRow,
  linkRow,
  type NodeRecord,
  nodeParamRow,
  nodeRow,
  type StatementText,
} from './tables.ts';

export interface RowSink {
  createNodes(label: NodeLabel, records: readonly NodeRecord[]): Promise<void>;
  createLinks(type: RelType, links: readonly LinkRecord[]): Promise<void>;
  /** Resolves when everything handed over is written; rejects with the first failure. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** What a load is about to write, for messages about what went wrong. */
export interface LoadContext {
  /** The file a source id came from. */
  pathOf(sourceId: string): string;
  /** Ids of the nodes of `label` this load creates or updates. */
  creates(label: NodeLabel): ReadonlySet<string>;
  /** The text of a statement this load writes. */
  statementText: StatementText;
}

export async function existingIds(
  session: Session,
  label: NodeLabel,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await session.rows(existingIdsCypher(label), { ids: part })) found.add(String(row.id));
  }
  return found;
}

/** The first link whose start or end node does not exist, as an actionable error. */
export async function missingEndError(
  session: Session,
  type: RelType,
  links: readonly LinkRecord[],
  context: LoadContext,
): Promise<StoreError> {
  const decl = relDecl(type);
  // The nodes this load writes itself may or may not be in yet (a failed COPY wrote nothing), so they count as
  // present; only the ends the load expected to find stored are looked up.
  const present = async (label: NodeLabel, ids: string[]) => {
    const own = context.creates(label);
    const stored = await existingIds(
      session,
      label,
      ids.filter((id) => !own.has(id)),
    );
    return (id: string) => own.has(id) || stored.has(id);
  };
  const hasFrom = await present(
    decl.from,
    links.map((l) => l.from),
  );
  const hasTo = await present(
    decl.to,
    links.map((l) => l.to),
  );
  const bad = links.find((l) => !hasFrom(l.from) || !hasTo(l.to));
  if (!bad) return new StoreError('query', `creating ${type} links failed, though every end exists`);
  const [label, id] = hasFrom(bad.from) ? [decl.to, bad.to] : [decl.from, bad.from];
  const hint = ['Theme', 'Agency', 'HarmType'].includes(label)
    ? ' (is it in the taxonomy loaded with upsertTaxonomy?)'
    : '';
  return new StoreError(
    'invalid-input',
    `${context.pathOf(bad.sourceId)}: cannot load: ${type} link ${bad.from} -> ${bad.to} points at ${label} "${id}", ` +
      `which is not in the store${hint}. Nothing of this load was written.`,
  );
}

export class UnwindSink implements RowSink {
  constructor(
    private readonly session: Session,
    private readonly context: LoadContext,
  ) {}

  async createNodes(label: NodeLabel, records: readonly NodeRecord[]): Promise<void> {
    for (const part of chunks(records)) {
      await this.session.run(createNodesCypher(label), { rows: part.map((r) => nodeParamRow(label, r)) });
    }
  }

  async createLinks(type: RelType, links: readonly LinkRecord[]): Promise<void> {
    for (const part of chunks(links)) {
      const rows = await this.session.rows(createLinksCypher(type), {
        rows: part.map((l) => linkParamRow(l, this.context.statementText)),
      });
      const created = Number(rows[0]?.created ?? 0);
      if (created !== part.length) throw await missingEndError(this.session, type, part, this.context);
    }
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}

const SAFE_PATH = /^[^'\\\r\n]+$/;

/**
 * Stages each table as CSV files and COPYs them; a COPY runs on LadybugDB's threads while the next table is
 * being staged here, and the COPYs run one after another, in call order. Rows CSV cannot carry exactly (empty
 * strings), and links to such rows, are held back: `writeHeldBack` writes them through UNWIND later, inside
 * the load's commit transaction (see bulk.ts for why nothing logged may depend on copied rows before then).
 */
export class CopySink implements RowSink {
  private files = 0;
  private pending: Promise<void> = Promise.resolve();
  private readonly heldBackIds = new Map<NodeLabel, Set<string>>();
  private readonly heldBack: Array<() => Promise<void>> = [];

  constructor(
    private readonly session: Session,
    private readonly context: LoadContext,
    private readonly fallback: UnwindSink,
    private readonly dir: string,
    private readonly step: (name: string) => Promise<void> = async () => {},
  ) {}

  /** A fresh folder for the CSV files (a killed load's folder is removed on the next open, see files.ts). */
  static async stagingDir(): Promise<string> {
    const dir = await makeStagingDir(mkdtemp);
    if (!SAFE_PATH.test(dir)) {
      await rm(dir, { recursive: true, force: true });
      throw new StoreError('query', `cannot stage CSV files in ${dir}: unusual path`);
    }
    return dir;
  }

  /**
   * Writes the table's CSV files — rows without line breaks (read in parallel) and rows with them (read
   * serially) — and returns them with the items held back.
   */
  private async stage<T>(
    table: string,
    items: readonly T[],
    values: (item: T) => CsvValue[],
    holdBack: (item: T, row: CsvValue[]) => boolean,
  ) {
    await this.step(`copy ${table}`);
    const rest: T[] = [];
    const dir = this.dir;
    const name = (kind: string) => join(dir, `${String(++this.files).padStart(3, '0')}-${table}-${kind}.csv`);
    const plain = new CsvFile(name('plain'), false);
    const multiline = new CsvFile(name('multiline'), true);
    try {
      for (const item of items) {
        const row = values(item);
        if (holdBack(item, row)) rest.push(item);
        else if (!plain.write(row)) multiline.write(row);
      }
    } finally {
      plain.close();
      multiline.close();
    }
    return { files: [plain, multiline], rest };
  }

  private async copyFile(table: string, file: CsvFile): Promise<void> {
    if (file.rows > 0) {
      const serial = file.multiline ? ', PARALLEL=false' : '';
      await this.session.run(`COPY ${table} FROM '${file.path}' (HEADER=false, ESCAPE='"'${serial})`);
    }
    await rm(file.path, { force: true });
  }

  /** Stages now and queues the COPY behind the COPYs already queued; returns the items held back. */
  private async enqueue<T>(
    table: string,
    items: readonly T[],
    values: (item: T) => CsvValue[],
    holdBack: (item: T, row: CsvValue[]) => boolean,
    explain: (e: unknown) => Promise<unknown> = async (e) => e,
  ): Promise<T[]> {
    let staged: { files: CsvFile[]; rest: T[] };
    try {
      staged = await this.stage(table, items, values, holdBack);
    } catch (e) {
      await this.pending.catch(() => undefined);
      throw e;
    }
    const previous = this.pending;
    this.pending = (async () => {
      await previous;
      try {
        for (const file of staged.files) await this.copyFile(table, file);
      } catch (e) {
        throw await explain(e);
      }
    })();
    // Surfaced by the next flush(); never left unhandled meanwhile.
    this.pending.catch(() => undefined);
    return staged.rest;
  }

  private isHeldBack(label: NodeLabel, id: string): boolean {
    return this.heldBackIds.get(label)?.has(id) ?? false;
  }

  async createNodes(label: NodeLabel, records: readonly NodeRecord[]): Promise<void> {
    const rest = await this.enqueue(label, records, nodeRow(label), (_, row) => !csvCanHold(row));
    if (rest.length === 0) return;
    const ids = this.heldBackIds.get(label) ?? new Set<string>();
    for (const r of rest) ids.add(r.id);
    this.heldBackIds.set(label, ids);
    this.heldBack.push(() => this.fallback.createNodes(label, rest));
  }

  async createLinks(type: RelType, links: readonly LinkRecord[]): Promise<void> {
    const decl = relDecl(type);
    const rest = await this.enqueue(
      type,
      links,
      linkRow(type, this.context.statementText),
      (link, row) =>
        !csvCanHold(row) || this.isHeldBack(decl.from, link.from) || this.isHeldBack(decl.to, link.to),
      async (e) =>
        e instanceof StoreError && /Unable to find primary key value/i.test(e.message)
          ? await missingEndError(this.session, type, links, this.context)
          : e,
    );
    if (rest.length > 0) this.heldBack.push(() => this.fallback.createLinks(type, rest));
  }

  async flush(): Promise<void> {
    await this.pending;
  }

  /** Writes the held-back rows, nodes before links, in the caller's transaction. */
  async writeHeldBack(): Promise<void> {
    for (const write of this.heldBack.splice(0)) await write();
  }

  /** Waits for every queued COPY (failed or not), then removes the staged files. */
  async close(): Promise<void> {
    await this.pending.catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
