/** A worker thread that reads and extracts documents for ingest/load/extract-pool.ts, one at a time. */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Taxonomy } from '../taxonomy/index.ts';
import { type ExtractResult, extractBytes, extractFile } from './extract-file.ts';

/** A file on disk (`file`), or a document already in memory (`name` and `bytes`, an upload). */
export type ExtractPayload = { file: string } | { name: string; bytes: Uint8Array };
export type ExtractRequest = { id: number } & ExtractPayload;

/** What every reading thread starts with. */
export interface WorkerSetup {
  taxonomy: Taxonomy;
  /** Run at the lowest scheduling priority (ExtractorOptions.background). */
  background: boolean;
}

export interface ExtractResponse {
  id: number;
  result: ExtractResult;
}

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread');
const { taxonomy, background } = workerData as WorkerSetup;
if (background) {
  // On Linux the priority of process 0 is this thread's own: the other threads of the process keep theirs.
  // Where it cannot be lowered the thread reads at normal priority, as it would without the option.
  try {
    setPriority(constants.priority.PRIORITY_LOW);
  } catch {}
}

port.on('message', async (request: ExtractRequest) => {
  const result =
    'file' in request
      ? await extractFile(request.file, taxonomy)
      : await extractBytes(request.name, request.bytes, taxonomy);
  port.postMessage({ id: request.id, result } satisfies ExtractResponse);
});
port.postMessage({ ready: true });
