/**
 * Extraction (segmenting and classifying) is CPU-bound and per-file independent, so large runs spread it
 * over worker threads while the main thread builds records and talks to the store. Small runs, and any
 * environment where workers cannot start, extract on the main thread: the results are the same either way.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Taxonomy } from '../taxonomy/index.ts';
import { type ExtractResult, extractFile } from './extract-file.ts';
import type { ExtractRequest } from './extract-worker.ts';

export interface Extractor {
  /** Worker threads in use; 0 when extracting on the calling thread. */
  readonly threads: number;
  /** Never rejects: a file that cannot be extracted gives `{ ok: false, problem }`. */
  extract(file: string): Promise<ExtractResult>;
  close(): Promise<void>;
}

export function inlineExtractor(taxonomy: Taxonomy): Extractor {
  return { threads: 0, extract: (file) => extractFile(file, taxonomy), close: async () => {} };
}

/** `threads` worker threads, or the inline extractor when threads < 1 or the workers cannot start. */
export async function openExtractor(taxonomy: Taxonomy, threads: number): Promise<Extractor> {
  if (threads < 1) return inlineExtractor(taxonomy);
  const started = await Promise.all(Array.from({ length: threads }, () => startWorker(taxonomy)));
  const workers = started.filter((w): w is ExtractWorker => w !== null);
  if (workers.length < started.length) {
    await Promise.all(workers.map((w) => w.stop()));
    return inlineExtractor(taxonomy);
  }
  return new ThreadedExtractor(workers, inlineExtractor(taxonomy));
}

/** Extracts a few files ahead (in parallel when there are threads) and yields the results in file order. */
export async function* extractedInOrder(files: readonly string[], extractor: Extractor) {
  const lookahead = extractor.threads * 2 + 1;
  const queue: Array<Promise<ExtractResult>> = [];
  let next = 0;
  for (const [i, file] of files.entries()) {
    for (; next < files.length && queue.length < lookahead; next++)
      queue.push(extractor.extract(files[next] as string));
    yield { index: i + 1, file, result: (await queue.shift()) as ExtractResult };
  }
}

const THREADED_FROM_FILES = 8;

export function defaultThreads(files: number): number {
  return files >= THREADED_FROM_FILES ? Math.min(availableParallelism(), 4) : 0;
}

class ThreadedExtractor implements Extractor {
  constructor(
    private readonly workers: ExtractWorker[],
    private readonly fallback: Extractor,
  ) {}

  get threads(): number {
    return this.workers.length;
  }

  extract(file: string): Promise<ExtractResult> {
    const live = this.workers.filter((w) => w.alive);
    const idlest = live.reduce<ExtractWorker | null>((a, w) => (a && a.pending <= w.pending ? a : w), null);
    return idlest ? idlest.extract(file) : this.fallback.extract(file);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}

interface Waiting {
  file: string;
  resolve: (result: ExtractResult) => void;
}

class ExtractWorker {
  alive = true;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id: number; result: ExtractResult }) => {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      waiting?.resolve(message.result);
    });
    worker.on('error', (e: Error) => this.fail(e.message));
    worker.on('exit', (code) => this.fail(`the extraction thread exited with code ${code}`));
  }

  get pending(): number {
    return this.waiting.size;
  }

  extract(file: string): Promise<ExtractResult> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.waiting.set(id, { file, resolve });
      this.worker.postMessage({ id, file } satisfies ExtractRequest);
    });
  }

  async stop(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
  }

  /** A thread that dies fails the files it held, by name; the run carries on with the other threads. */
  private fail(reason: string): void {
    if (!this.alive) return;
    this.alive = false;
    for (const { file, resolve } of this.waiting.values()) {
      resolve({
        ok: false,
        problem: { file, message: `${file}: extraction stopped unexpectedly (${reason})` },
      });
    }
    this.waiting.clear();
  }
}

/** Resolves once the worker has loaded the extraction code, or null when it cannot. */
function startWorker(taxonomy: Taxonomy): Promise<ExtractWorker | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(bootstrap(), { eval: true, workerData: { taxonomy }, execArgv: [] });
    } catch {
      resolve(null);
      return;
    }
    const failed = () => {
      worker.terminate().then(
        () => resolve(null),
        () => resolve(null),
      );
    };
    worker.once('error', failed);
    worker.once('message', () => {
      worker.off('error', failed);
      resolve(new ExtractWorker(worker));
    });
  });
}

/**
 * The worker's entry is TypeScript. A loader given on the command line is registered too late for a
 * worker's first module, so the worker starts from a line of JavaScript that registers tsx and then
 * imports the TypeScript entry.
 */
function bootstrap(): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./extract-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
}
