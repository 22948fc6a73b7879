/**
 * `npm run build:node [-- --out DIR] [-- --no-check]`: compiles what the server and the ingest CLI run
 * (graph/, ingest/, server/) to JavaScript in DIR (default dist/node), beside the files they read at run time
 * (GraphQL SDL, taxonomy and cue YAML, the sample corpus, cypher/), so that `node DIR/server/main.js` and
 * `node DIR/ingest/cli.js` run on Node alone, without tsx or any dev dependency. `--no-check` emits without
 * type-checking, for when `npm run typecheck` has already checked the same sources.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folders compiled; each keeps its place under the output folder, so relative paths still hold. */
const COMPILED = ['graph', 'ingest', 'server'];
/** Read at run time but not compiled: copied whole. */
const DATA_FOLDERS = ['cypher'];
/** Files under the compiled folders that are not needed at run time. */
const NOT_SHIPPED = new Set(['.ts', '.md']);

export interface CompileOptions {
  out: string;
  check: boolean;
}

export interface CompileResult {
  ok: boolean;
  /** What tsc printed when it failed. */
  output: string;
  assets: number;
}

export function compile(options: CompileOptions): CompileResult {
  const out = resolve(options.out);
  rmSync(out, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out];
  if (!options.check) args.push('--noCheck');
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) return { ok: false, output: `${run.stdout}${run.stderr}`.trim(), assets: 0 };
  let assets = 0;
  for (const folder of COMPILED) assets += copyAssets(join(ROOT, folder), out);
  for (const folder of DATA_FOLDERS) {
    cpSync(join(ROOT, folder), join(out, folder), { recursive: true });
    assets += 1;
  }
  // The compiled files are ES modules; this marks them so wherever the folder is put.
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  return { ok: true, output: run.stdout.trim(), assets };
}

function copyAssets(dir: string, out: string): number {
  let copied = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      copied += copyAssets(path, out);
    } else if (!NOT_SHIPPED.has(extname(name))) {
      const target = join(out, relative(ROOT, path));
      mkdirSync(join(target, '..'), { recursive: true });
      cpSync(path, target);
      copied += 1;
    }
  }
  return copied;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: join(ROOT, 'dist/node') }, 'no-check': { type: 'boolean' } },
  });
  const result = compile({ out: values.out, check: !values['no-check'] });
  if (!result.ok) {
    process.stderr.write(`${result.output}\ncompiling failed: fix the errors above and run it again\n`);
    process.exit(1);
  }
  process.stdout.write(
    `compiled graph/, ingest/, server/ and ${result.assets} files they read into ${values.out}\n`,
  );
}
