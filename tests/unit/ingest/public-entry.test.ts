import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Module specifiers that reach into ingest/ past its public entry. */
function reachesIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
  return specifiers.filter((s) => /(^|\/)ingest\//.test(s) && !/(^|\/)ingest\/index\.ts$/.test(s));
}

describe("ingest's public entry", () => {
  it.each(['server', 'bench'])('is the only way %s/ imports ingest', (folder) => {
    const offenders = sources(join(ROOT, folder)).flatMap((file) =>
      reachesIn(file).map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
