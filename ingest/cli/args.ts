/** The ingest command line: what it accepts and how it explains itself. */
import { parseArgs } from 'node:util';

export interface IngestArgs {
  paths: string[];
  dryRun: boolean;
  json: boolean;
  report: string | null;
  taxonomy: string | null;
  /** Extraction threads; null lets ingest decide (one per core for large runs). */
  threads: number | null;
  /** Documents per load; null keeps ingest's default. */
  chunk: number | null;
  /** Put back the last good state of the embedded database instead of ingesting. */
  restore: boolean;
  help: boolean;
}

export type ParsedArgs = { ok: true; args: IngestArgs } | { ok: false; message: string };

export const USAGE = `usage: npm run ingest -- [options] PATH...

Reads the case reviews in each PATH (a file, or a folder searched recursively for .txt, .md, .html, .pdf
and .docx files) and loads them into the configured store. A file is one source, known by its absolute
path (links resolved), from whatever folder the command is run: re-ingesting it unchanged changes nothing,
and a changed file replaces what its earlier version contributed. A file with the same content as another
source is loaded beside it and reported as a duplicate of it.

options:
  --dry-run          extract only; touch no database
  --json             print the result as JSON on stdout (with --dry-run: the extracted documents)
  --report FILE      write the curator report (Markdown) to FILE
  --taxonomy FILE    use this taxonomy instead of ingest/taxonomy/taxonomy.yaml
  --chunk N          load N documents at a time (default 1000; each load is all or nothing)
  --threads N        extract on N worker threads (default: one per core, at most 4, from 8 files; 0: none)
  --restore          no PATH: put back the last good state of an embedded database that cannot be opened
  -h, --help         show this help

environment:
  THREADLINE_DB_PATH   embedded database folder (default data/threadline)
  NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE   load into Neo4j instead
`;

export function parseIngestArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const { values, positionals } = parsed;
  const args: IngestArgs = {
    paths: positionals,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    report: values.report ?? null,
    taxonomy: values.taxonomy ?? null,
    threads: null,
    chunk: null,
    restore: values.restore === true,
    help: values.help === true,
  };
  if (values.threads !== undefined) {
    const threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 0 || threads > 64) {
      return { ok: false, message: `--threads takes a whole number from 0 to 64, not "${values.threads}"` };
    }
    args.threads = threads;
  }
  if (values.chunk !== undefined) {
    const chunk = Number(values.chunk);
    if (!Number.isInteger(chunk) || chunk < 1) {
      return {
        ok: false,
        message: `--chunk takes a whole number of documents from 1, not "${values.chunk}"`,
      };
    }
    args.chunk = chunk;
  }
  if (args.restore && args.paths.length > 0)
    return { ok: false, message: '--restore takes no PATH: it works on the configured database' };
  if (!args.help && !args.restore && args.paths.length === 0)
    return { ok: false, message: 'no PATH given: name the files or folders to ingest' };
  return { ok: true, args };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      report: { type: 'string' },
      taxonomy: { type: 'string' },
      threads: { type: 'string' },
      chunk: { type: 'string' },
      restore: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
