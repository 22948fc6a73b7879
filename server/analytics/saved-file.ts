/**
 * What the indexes saved beside an embedded database share (the analytics index, persisted-index.ts; the
 * search index, server/search/saved-search.ts): how a saved file that cannot be used is reported, and how
 * builds are saved in the background, the latest only.
 */
import { readFile } from 'node:fs/promises';

/** Why a saved file was not used: a kind, and a line that says what happens instead. */
export interface SavedFileProblem {
  kind: 'missing' | 'unreadable' | 'damaged' | 'stale';
  message: string;
}

export function savedFileProblem(
  kind: SavedFileProblem['kind'],
  what: string,
  reason: string,
): { ok: false; problem: SavedFileProblem } {
  return { ok: false, problem: { kind, message: `${what} ${reason}; building it from the store` } };
}

/** The stale answer: the file was saved under another store mark. */
export function staleFile(what: string): { ok: false; problem: SavedFileProblem } {
  return savedFileProblem('stale', what, 'was written before the last change to the store');
}

/** The saved file's bytes, or why there are none: missing or unreadable. Never rejects. */
export async function readSavedBytes(
  path: string,
  noun: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: SavedFileProblem }> {
  try {
    return { ok: true, bytes: await readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return {
        ok: false,
        problem: { kind: 'missing', message: `no saved ${noun} at ${path}; building it from the store` },
      };
    return savedFileProblem(
      'unreadable',
      `the saved ${noun} at ${path}`,
      `cannot be read (${code ?? String(e)})`,
    );
  }
}

/** What `decode` makes of a saved file's bytes; damaged when it throws (its message says why). */
export async function decodeSaved<T>(
  path: string,
  noun: string,
  decode: () => T | Promise<T>,
): Promise<T | { ok: false; problem: SavedFileProblem }> {
  try {
    return await decode();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return savedFileProblem('damaged', `the saved ${noun} at ${path}`, `is damaged (${reason})`);
  }
}

export interface LatestSaveOptions<J> {
  /** Writes one build to its file. */
  write: (job: J) => Promise<unknown>;
  /** The store's mark now: a build read under another one is stale, and not saved. */
  currentMark: () => Promise<string>;
  /** Told of a write that failed (the next start then builds from the store). */
  failed: (e: unknown) => void;
}

/**
 * Saves builds in the background, one write at a time: a build asked to be saved while another is written
 * replaces any still waiting, so only the newest reaches the file. A build whose mark is no longer the
 * store's is skipped: the write that changed the mark is followed by a build that saves.
 */
export class LatestSave<J extends { mark: string }> {
  private waiting: J | null = null;
  private writing: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(private readonly options: LatestSaveOptions<J>) {}

  save(job: J): void {
    this.waiting = job;
    if (this.busy) return;
    this.busy = true;
    this.writing = this.drain();
  }

  /** Resolves once every build asked for so far has been written, skipped or failed. */
  async saved(): Promise<void> {
    while (this.busy || this.waiting !== null) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      for (let job = this.waiting; job !== null; job = this.waiting) {
        this.waiting = null;
        try {
          if ((await this.options.currentMark()) !== job.mark) continue;
          await this.options.write(job);
        } catch (e) {
          this.options.failed(e);
        }
      }
    } finally {
      // In the same step as the loop's last look at `waiting`, so a save asked for after it starts a writer.
      this.busy = false;
    }
  }
}
