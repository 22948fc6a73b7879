/**
 * Reading threads opened for the server run at the lowest scheduling priority, so a busy machine serves the
 * event loop (health checks, queries) before them; the CLI's run at normal priority. Linux keeps a nice
 * value per thread, readable in /proc/self/task.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Extractor, openExtractor } from '../../../../ingest/load/extract-pool.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';

/** The nice value of every thread of this process. */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces); nice is the 19th field of the line.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [Number(fields[16])];
    } catch {
      return [];
    }
  });
}

const onLinux = existsSync('/proc/self/task');
if (!onLinux) console.log('no /proc/self/task: reading-thread priority not tested on this platform');

describe.runIf(onLinux)('the priority of reading threads', () => {
  const taxonomy = loadTaxonomy();
  const review = new TextEncoder().encode(
    'Serious Case Review: Child H. Learning: information sharing was poor.',
  );
  let extractor: Extractor | null = null;

  afterEach(async () => {
    await extractor?.close();
    extractor = null;
  });

  it('is the lowest for the server, and only the reading threads have it', async () => {
    const before = threadNiceValues().filter((n) => n === 19).length;
    extractor = await openExtractor(taxonomy, 1, { inlineFallback: false, background: true });
    expect((await extractor.extractBytes('review.txt', review)).ok).toBe(true);
    const values = threadNiceValues();
    expect(values.filter((n) => n === 19).length).toBe(before + 1);
    expect(values).toContain(0);
  });

  it('is left as it is for the command line', async () => {
    const before = threadNiceValues().filter((n) => n === 19).length;
    extractor = await openExtractor(taxonomy, 1, { inlineFallback: false });
    expect((await extractor.extractBytes('review.txt', review)).ok).toBe(true);
    expect(threadNiceValues().filter((n) => n === 19).length).toBe(before);
  });
});
