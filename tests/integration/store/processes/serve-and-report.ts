/**
 * Child process for the upload kill tests: serves the embedded database at argv[2] on a free loopback port
 * with argv[3] as the admin token, the way `npm start` does after its start-up (schema and taxonomy in
 * place). It prints "listening URL" once it answers, one line per load step ("step commit") while uploads
 * are stored, and closes the store on SIGTERM.
 */
import { openEmbeddedStore } from '../../../../graph/embedded/store.ts';
import { loadTaxonomy, taxonomyRecords } from '../../../../ingest/index.ts';
import { startServer } from '../../../../server/http/app.ts';
import { testConfig } from '../../api/running-server.ts';

const [path, adminToken] = process.argv.slice(2);
if (!path || !adminToken) throw new Error('usage: serve-and-report.ts DB_PATH ADMIN_TOKEN');
const say = (line: string) => process.stdout.write(`${line}\n`);
const store = await openEmbeddedStore({
  path,
  maxDbBytes: 2 ** 36,
  bufferPoolBytes: 2 ** 27,
  onBulkStep: (step) => {
    say(`step ${step}`);
  },
});
await store.ensureSchema();
const taxonomy = loadTaxonomy();
await store.upsertTaxonomy(taxonomyRecords(taxonomy));
const server = await startServer({
  store,
  taxonomy,
  config: testConfig({ adminToken }),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
say(`listening ${server.url}`);
