/**
 * Run before `npm start`: builds the web app when dist/web is missing or older than its sources, so a fresh
 * clone serves a page at once and an edited web/src is never served stale. Does nothing when it is current.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const built = fileURLToPath(new URL('../dist/web/index.html', import.meta.url));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function builtAt(): number | null {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return null;
  }
}

const sources = Math.max(newest(join(webDir, 'src')), newest(join(webDir, 'index.html')), newest(join(webDir, 'vite.config.ts')));
const at = builtAt();
if (at === null || at < sources) {
  console.log(at === null ? 'building the web app (first start)…' : 'web sources changed: rebuilding the web app…');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}
