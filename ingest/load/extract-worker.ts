/** A worker thread that extracts files for ingest/load/extract-pool.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Taxonomy } from '../taxonomy/index.ts';
import { extractFile } from './extract-file.ts';

export interface ExtractRequest {
  id: number;
  file: string;
}

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread');
const taxonomy = (workerData as { taxonomy: Taxonomy }).taxonomy;

port.on('message', async (request: ExtractRequest) => {
  port.postMessage({ id: request.id, result: await extractFile(request.file, taxonomy) });
});
port.postMessage({ ready: true });
