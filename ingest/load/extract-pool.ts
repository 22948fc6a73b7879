/**
 * Reading and extracting a document is CPU-bound, per-file independent and, for a hostile file, the place
 * where time and memory run away. So documents are read on worker threads, one document per thread at a
 * time, each under a time budget and a heap budget (resourceLimits): a thread past either is stopped, the
 * document fails with a message naming it and the limit, and a fresh thread takes the next one. The main
 * thread (the server's event loop, or the CLI's loader) only builds records and talks to the store.
 * `threads: 0` extracts on the calling thread without limits (tests comparing the two, and a fallback for
 * the CLI where workers cannot start).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { READ_MEMORY_MB_ENV, READ_SECONDS_ENV, readMemoryMegabytes, readSeconds } from '../read/limits.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { type ExtractResult, extractBytes, extractFile } from './extract-file.ts';
import type { ExtractPayload, ExtractRequest, ExtractResponse, WorkerSetup } from './extract-worker.ts';

export interface Extractor {
  /** Worker threads in use; 0 when extracting on the calling thread. */
  readonly threads: number;
  /** Never rejects: a file that cannot be extracted gives `{ ok: false, problem }`. */
  extract(file: string): Promise<ExtractResult>;
  /** A document already in memory (an upload); `name` gives its format. Never rejects. */
  extractBytes(name: string, bytes: Uint8Array): Promise<ExtractResult>;
  /** Stops every thread; documents still being read fail with a message saying so. */
  close(): Promise<void>;
}

export interface ExtractLimits {
  /** Time one document may take, in seconds. */
  seconds: number;
  /** Heap one thread may use, in MB. */
  memoryMb: number;
}

export function extractLimits(env: Record<string, string | undefined> = process.env): ExtractLimits {
  return { seconds: readSeconds(env), memoryMb: readMemoryMegabytes(env) };
}

export interface ExtractorOptions {
  limits?: ExtractLimits;
  /**
   * When the threads cannot start: true (the CLI) extracts on the calling thread; false (the server)
   * fails each document with a message, because reading on the event loop would stall every caller.
   */
  inlineFallback?: boolean;
  /**
   * Read at the lowest scheduling priority, so that on a busy machine the calling thread (the server's event
   * loop, answering /healthz and queries) goes before the reading threads. The server sets it; the CLI,
   * whose main thread only waits for them, does not.
   */
  background?: boolean;
}

export function inlineExtractor(taxonomy: Taxonomy): Extractor {
  return {
    threads: 0,
    extract: (file) => extractFile(file, taxonomy),
    extractBytes: (name, bytes) => extractBytes(name, bytes, taxonomy),
    close: async () => {},
  };
}

/** `threads` worker threads, or the inline extractor when threads < 1 (or, for the CLI, they cannot start). */
export async function openExtractor(
  taxonomy: Taxonomy,
  threads: number,
  options: ExtractorOptions = {},
): Promise<Extractor> {
  if (threads < 1) return inlineExtractor(taxonomy);
  const pool = new WorkerPool(
    { taxonomy, background: options.background ?? false },
    threads,
    options.limits ?? extractLimits(),
  );
  // One thread is started now, so a setup that cannot run workers is found before the first document.
  if (await pool.warm()) return pool;
  await pool.close();
  if (options.inlineFallback ?? true) return inlineExtractor(taxonomy);
  return unavailableExtractor();
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

/** One per core (at most 4), never fewer than one: every document is read off the main thread. */
export function defaultThreads(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, files));
}

function unavailableExtractor(): Extractor {
  const refuse = async (file: string): Promise<ExtractResult> => ({
    ok: false,
    problem: {
      file,
      message: `${file}: no reading thread could be started; try again, or restart the server`,
    },
  });
  return { threads: 0, extract: refuse, extractBytes: (name) => refuse(name), close: async () => {} };
}

type Job = { file: string; request: ExtractPayload; resolve: (result: ExtractResult) => void };

class WorkerPool implements Extractor {
  private readonly slots: Array<Slot | null>;
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    private readonly setup: WorkerSetup,
    size: number,
    private readonly limits: ExtractLimits,
  ) {
    this.slots = Array.from({ length: size }, () => null);
  }

  get threads(): number {
    return this.slots.length;
  }

  async warm(): Promise<boolean> {
    const slot = await Slot.start(this.setup, this.limits);
    if (!slot) return false;
    if (this.closed) {
      await slot.stop();
      return false;
    }
    this.slots[0] = slot;
    return true;
  }

  extract(file: string): Promise<ExtractResult> {
    return this.submit(file, { file });
  }

  extractBytes(name: string, bytes: Uint8Array): Promise<ExtractResult> {
    return this.submit(name, { name, bytes });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(stopped(job.file));
    await Promise.all(this.slots.map((slot) => slot?.stop()));
    this.slots.fill(null);
  }

  private submit(file: string, request: ExtractPayload): Promise<ExtractResult> {
    if (this.closed) return Promise.resolve(stopped(file));
    return new Promise((resolve) => {
      this.queue.push({ file, request, resolve });
      this.dispatch();
    });
  }

  /** Gives queued jobs to idle threads, starting a thread where a slot is empty. */
  private dispatch(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      const slot = this.slots[i] ?? null;
      if (slot === null || (slot !== Slot.STARTING && slot.dead)) {
        this.slots[i] = Slot.STARTING;
        void this.fill(i);
      } else if (slot !== Slot.STARTING && slot.idle) {
        const job = this.queue.shift() as Job;
        void slot.run(job, this.limits).then((healthy) => {
          if (!healthy && this.slots[i] === slot) this.slots[i] = null;
          this.dispatch();
        });
      }
    }
  }

  private async fill(i: number): Promise<void> {
    const slot = await Slot.start(this.setup, this.limits);
    if (this.closed) {
      await slot?.stop();
      return;
    }
    if (!slot) {
      // The thread could not start: the next queued document fails rather than waiting forever.
      this.slots[i] = null;
      const job = this.queue.shift();
      job?.resolve({
        ok: false,
        problem: { file: job.file, message: `${job.file}: no reading thread could be started; try again` },
      });
    } else {
      this.slots[i] = slot;
    }
    this.dispatch();
  }
}

function stopped(file: string): ExtractResult {
  return {
    ok: false,
    problem: { file, message: `${file}: reading was stopped because ingest is shutting down` },
  };
}

/** One worker thread, running one document at a time. */
class Slot {
  /** Marks a slot whose thread is still starting. */
  static readonly STARTING = new Slot(null);
  idle = true;
  /** The thread has gone (stopped, or died between documents); the slot needs a new one. */
  dead = false;
  private nextId = 0;
  private current: { id: number; finish: (result: ExtractResult, healthy: boolean) => void } | null = null;
  private stopping = false;

  private constructor(private readonly worker: Worker | null) {}

  /** Resolves once the worker has loaded the extraction code, or null when it cannot. */
  static start(setup: WorkerSetup, limits: ExtractLimits): Promise<Slot | null> {
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(bootstrap(), {
          eval: true,
          workerData: setup,
          execArgv: [],
          resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
        });
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
      worker.once('exit', failed);
      worker.once('message', () => {
        worker.off('error', failed);
        worker.off('exit', failed);
        resolve(new Slot(worker).listen());
      });
    });
  }

  private listen(): this {
    const worker = this.worker as Worker;
    worker.on('message', (message: ExtractResponse) => {
      if (this.current?.id === message.id) this.current.finish(message.result, true);
    });
    worker.on('error', (e: Error & { code?: string }) => this.died(e.code, e.message));
    worker.on('exit', (code) => this.died(undefined, `the reading thread exited with code ${code}`));
    return this;
  }

  /** Runs one job; resolves with whether the thread can take another. */
  run(job: Job, limits: ExtractLimits): Promise<boolean> {
    const worker = this.worker as Worker;
    this.idle = false;
    return new Promise((resolveRun) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        finish(tooSlow(job.file, limits.seconds), false);
        void this.stop();
      }, limits.seconds * 1000);
      const finish = (result: ExtractResult, healthy: boolean) => {
        if (this.current?.id !== id) return;
        clearTimeout(timer);
        this.current = null;
        this.idle = healthy;
        job.resolve(result);
        resolveRun(healthy);
      };
      this.current = { id, finish };
      this.failWith = (code, reason) => finish(died(job.file, code, reason, limits), false);
      worker.postMessage({ id, ...job.request } satisfies ExtractRequest);
    });
  }

  private failWith: ((code: string | undefined, reason: string) => void) | null = null;

  private died(code: string | undefined, reason: string): void {
    this.idle = false;
    this.dead = true;
    if (this.stopping && code === undefined) {
      this.failWith?.(undefined, 'stopped');
      return;
    }
    this.failWith?.(code, reason);
  }

  async stop(): Promise<void> {
    this.idle = false;
    this.dead = true;
    this.stopping = true;
    await this.worker?.terminate();
  }
}

function tooSlow(file: string, seconds: number): ExtractResult {
  return {
    ok: false,
    problem: {
      file,
      message: `${file}: reading it took longer than ${seconds} s, the limit (${READ_SECONDS_ENV}); split the document, or raise the limit if it is genuine`,
    },
  };
}

function died(file: string, code: string | undefined, reason: string, limits: ExtractLimits): ExtractResult {
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return {
      ok: false,
      problem: {
        file,
        message: `${file}: reading it needed more than ${limits.memoryMb} MB of memory, the limit (${READ_MEMORY_MB_ENV}); split the document, or raise the limit if it is genuine`,
      },
    };
  }
  if (reason === 'stopped') return stopped(file);
  return {
    ok: false,
    problem: {
      file,
      message: `${file}: reading stopped unexpectedly (${reason}); try the file again on its own`,
    },
  };
}

/**
 * From source, the worker's entry is TypeScript. A loader given on the command line is registered too late
 * for a worker's first module, so the worker starts from a line of JavaScript that registers tsx and then
 * imports the TypeScript entry. Compiled (the production build, which has no tsx), it imports its entry as is.
 */
function bootstrap(): string {
  if (import.meta.url.endsWith('.js')) {
    return `import(${JSON.stringify(new URL('./extract-worker.js', import.meta.url).href)});`;
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./extract-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
}
