/**
 * `npm run bench -- snapshot [--reviews 10000,100000] [--per-document 1000] [--seed 1]`
 *
 * What the crash-safety snapshot costs: for each corpus size, a synthetic corpus is ingested into an empty
 * embedded database the way `npm run ingest` runs (ingestPaths, default chunks), timing each bulk load's
 * snapshot (the copy of the database file taken before it) against the whole load. Then the snapshot a further
 * load into the finished database would take (its size and the copy time, median of 3).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropSnapshot, takeSnapshot } from '../graph/embedded/files.ts';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import { ingestPaths, loadTaxonomy } from '../ingest/index.ts';
import { labelsFrom, writeSyntheticCorpus } from './synthetic/index.ts';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      reviews: { type: 'string', default: '10000,100000' },
      'per-document': { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const taxonomy = loadTaxonomy();
  for (const reviews of (values.reviews ?? '').split(',').map(Number)) {
    const work = await mkdtemp(join(tmpdir(), 'threadline-bench-snapshot-'));
    try {
      const corpus = await writeSyntheticCorpus(join(work, 'corpus'), {
        reviews,
        perDocument: Number(values['per-document']),
        seed: Number(values.seed),
        labels: labelsFrom(taxonomy),
      });
      const path = join(work, 'db', 'threadline.lbug');
      const snapshots: Array<{ bytes: number; ms: number }> = [];
      let started = 0;
      const store = await openEmbeddedStore({
        path,
        onBulkStep: async (step) => {
          if (step === 'snapshot') {
            started = performance.now();
          } else if (started > 0) {
            const bytes = (await stat(`${path}.before-load`)).size;
            snapshots.push({ bytes, ms: performance.now() - started });
            started = 0;
          }
        },
      });
      const t0 = performance.now();
      await store.ensureSchema();
      await ingestPaths(store, [corpus.dir], { taxonomy });
      const total = performance.now() - t0;
      await store.close();
      const copies: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await takeSnapshot(path);
        copies.push(performance.now() - t);
        await dropSnapshot(path);
      }
      copies.sort((a, b) => a - b);
      const size = (await stat(path)).size;
      const spent = snapshots.reduce((n, x) => n + x.ms, 0);
      console.log(
        `${reviews} reviews in ${corpus.files.length} documents: ingest ${s(total)}, ${snapshots.length} bulk loads, ` +
          `snapshots ${s(spent)} (${((100 * spent) / total).toFixed(1)}% of the ingest): ` +
          snapshots.map((x) => `${mb(x.bytes)} in ${s(x.ms)}`).join(', '),
      );
      console.log(
        `  the next load into this database (${mb(size)}) would first copy it: ${s(copies[1] ?? Number.NaN)} (median of 3)`,
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
