/**
 * `npm run bench -- NAME [args]` runs bench/NAME.ts, whose `run(args)` prints its figures.
 * Benchmarks measure; they never assert. Quote medians, not single runs.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Bench {
  run(args: string[]): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'main.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME [args]\n  NAME is one of: ${available.join(', ')}`);
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as Bench;
await bench.run(rest);
