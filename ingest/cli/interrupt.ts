/**
 * SIGINT and SIGTERM during an ingest. The first lets the load in progress finish (a chunk is written whole
 * or not at all, and ends with its own checkpoint) and starts no other; the run then closes the store and
 * says what was loaded and what was not, exiting with 128 + the signal's number. A second signal exits at
 * once: a load cut off there is put back by its journal and snapshot when the database is next opened
 * (graph/embedded/files.ts), so nothing half-written is ever seen.
 */
import type { IngestSummary } from '../load/ingest-files.ts';
import type { TextStream } from './progress.ts';

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
export type StopSignal = keyof typeof SIGNAL_NUMBERS;

/** The exit code a shell gives a process ended by `signal`. */
export function exitCodeOf(signal: StopSignal): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

/** The parts of `process` the stop listens on and exits through (a test passes its own). */
export interface SignalSource {
  on(signal: StopSignal, listener: () => void): unknown;
  off(signal: StopSignal, listener: () => void): unknown;
  exit(code: number): never;
}

export class StopOnSignals {
  /** The signal that asked for the stop, once one came. */
  signal: StopSignal | null = null;
  private readonly controller = new AbortController();
  private readonly listeners: Array<[StopSignal, () => void]> = [];

  constructor(
    private readonly stderr: TextStream,
    private readonly source: SignalSource = process,
  ) {
    for (const signal of Object.keys(SIGNAL_NUMBERS) as StopSignal[]) {
      const listener = () => this.received(signal);
      this.listeners.push([signal, listener]);
      source.on(signal, listener);
    }
  }

  private received(signal: StopSignal): void {
    if (this.signal) {
      this.stderr.write(
        `\ningest: ${signal} again: exiting now. A load cut off here is undone when the database is next opened.\n`,
      );
      this.source.exit(exitCodeOf(this.signal));
    }
    this.signal = signal;
    this.controller.abort();
    this.stderr.write(
      `\ningest: ${signal} received: finishing the load in progress, then closing the database ` +
        `(${signal} again exits at once)\n`,
    );
  }

  /** Stops listening (the run is over). */
  dispose(): void {
    for (const [signal, listener] of this.listeners) this.source.off(signal, listener);
  }

  /** Aborted at the first signal: ingestPaths then reads and loads nothing new. */
  get abortSignal(): AbortSignal {
    return this.controller.signal;
  }

  /** What a stopped run says: what it loaded, what it did not, and how to finish. */
  report(signal: StopSignal, summary: IngestSummary): string {
    const loaded = summary.loaded + summary.replaced + summary.refreshed;
    const rest = Math.max(0, summary.documents - loaded);
    return (
      `ingest: stopped by ${signal}: ${loaded} of ${summary.documents} documents were loaded; the other ${rest} ` +
      'were not (or were stored unchanged already). The database is closed and holds every load that ' +
      'finished. Run the same command again to load the rest: stored documents are recognised and not read again.\n'
    );
  }
}
