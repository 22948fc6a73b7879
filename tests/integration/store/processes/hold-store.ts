/**
 * Child process for the locked-database test: opens the embedded store at argv[2], says "ready", and keeps
 * it open until its stdin closes (the test ends it).
 */
import { openEmbeddedStore } from '../../../../graph/embedded/store.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: hold-store.ts DB_PATH');
const store = await openEmbeddedStore({ path, maxDbBytes: 2 ** 36, bufferPoolBytes: 2 ** 27 });
await store.ensureSchema();
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void store.close().then(() => process.exit(0));
});
