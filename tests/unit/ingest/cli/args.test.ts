import { describe, expect, it } from 'vitest';
import { parseIngestArgs } from '../../../../ingest/cli/args.ts';

describe('parseIngestArgs', () => {
  it('reads paths and flags in any order', () => {
    const parsed = parseIngestArgs(['a.txt', '--dry-run', 'folder', '--json', '--report', 'out.md']);
    expect(parsed).toEqual({
      ok: true,
      args: {
        paths: ['a.txt', 'folder'],
        dryRun: true,
        json: true,
        report: 'out.md',
        taxonomy: null,
        threads: null,
        chunk: null,
        restore: false,
        help: false,
      },
    });
  });

  it('takes a taxonomy file', () => {
    const parsed = parseIngestArgs(['--taxonomy', 'mine.yaml', 'docs']);
    expect(parsed.ok && parsed.args.taxonomy).toBe('mine.yaml');
  });

  it('takes a number of extraction threads', () => {
    const parsed = parseIngestArgs(['--threads', '2', 'docs']);
    expect(parsed.ok && parsed.args.threads).toBe(2);
  });

  it('takes a number of documents per load, and refuses one below 1', () => {
    const parsed = parseIngestArgs(['--chunk', '250', 'docs']);
    expect(parsed.ok && parsed.args.chunk).toBe(250);
    expect(parseIngestArgs(['--chunk', '0', 'docs'])).toEqual({
      ok: false,
      message: '--chunk takes a whole number of documents from 1, not "0"',
    });
  });

  it('refuses a number of threads that is not a whole number', () => {
    expect(parseIngestArgs(['--threads', 'many', 'docs'])).toEqual({
      ok: false,
      message: '--threads takes a whole number from 0 to 64, not "many"',
    });
  });

  it('accepts --restore without paths, and refuses paths with it', () => {
    const parsed = parseIngestArgs(['--restore']);
    expect(parsed.ok && parsed.args.restore).toBe(true);
    expect(parseIngestArgs(['--restore', 'docs'])).toEqual({
      ok: false,
      message: '--restore takes no PATH: it works on the configured database',
    });
  });

  it('accepts --help without paths', () => {
    const parsed = parseIngestArgs(['--help']);
    expect(parsed.ok && parsed.args.help).toBe(true);
    expect(parseIngestArgs(['-h'])).toMatchObject({ ok: true, args: { help: true } });
  });

  it('refuses a run without paths, naming what is missing', () => {
    expect(parseIngestArgs(['--dry-run'])).toEqual({
      ok: false,
      message: 'no PATH given: name the files or folders to ingest',
    });
  });

  it('refuses an unknown option, naming it', () => {
    const parsed = parseIngestArgs(['--dryrun', 'a.txt']);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain('--dryrun');
  });

  it('refuses --report without a file name', () => {
    const parsed = parseIngestArgs(['a.txt', '--report']);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain('--report');
  });
});
