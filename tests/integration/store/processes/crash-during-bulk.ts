/**
 * Child process for the crash-recovery tests: bulk-loads the fixture documents into the store at argv[2] and
 * dies abruptly (no cleanup, no close) when the load reaches the step named by argv[3], or right after the
 * load returns when argv[3] is "after-load".
 */
import { openEmbeddedStore } from '../../../../graph/embedded/store.ts';
import { NATIONAL, SUMMER_REVISED } from '../../../fixtures/batches.ts';

const [path, dieAt] = process.argv.slice(2);
if (!path || !dieAt) throw new Error('usage: crash-during-bulk.ts DB_PATH STEP');
const store = await openEmbeddedStore({
  path,
  bulkMinRows: 0,
  maxDbBytes: 2 ** 36,
  bufferPoolBytes: 2 ** 27,
  onBulkStep: (step) => {
    if (step === dieAt) process.kill(process.pid, 'SIGKILL');
  },
});
await store.loadSources([NATIONAL, SUMMER_REVISED]);
if (dieAt === 'after-load') process.kill(process.pid, 'SIGKILL');
process.stdout.write('finished without dying\n');
