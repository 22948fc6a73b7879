/** `npm run ingest -- [options] PATH...` — see ingest/cli/args.ts for the options. */
import { loadEnvFileIfPresent } from '../graph/env-file.ts';
import { main } from './cli/main.ts';

loadEnvFileIfPresent();
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
