/** A worker thread that reads and extracts documents for ingest/load/extract-pool.ts, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Taxonomy } from '../taxonomy/index.ts';
import { type ExtractResult, extractBytes, extractFile } from './extract-file.ts';

/** A file on disk (`file`), or a document already in memory (`name` and `bytes`, an upload). */
export type ExtractPayload = { file: string } | { name: string; bytes: Uint8Array };
export type ExtractRequest = { id: number } & ExtractPayload;

export interface ExtractResponse {
  id: number;
  result: ExtractResult;
}

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread');
const taxonomy = (workerData as { taxonomy: Taxonomy }).taxonomy;

port.on('message', async (request: ExtractRequest) => {
  const result =
    'file' in request
      ? await extractFile(request.file, taxonomy)
      : await extractBytes(request.name, request.bytes, taxonomy);
  port.postMessage({ id: request.id, result } satisfies ExtractResponse);
});
port.postMessage({ ready: true });
