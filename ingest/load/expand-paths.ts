/**
 * The files a list of command-line paths stands for. Folders are walked recursively, keeping only the
 * formats Threadline reads and skipping hidden entries (dotfiles, .git and the like) and READMEs; a file named
 * explicitly is always kept so that an unsupported one is reported by the reader rather than silently
 * ignored.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../read/index.ts';

export interface FileProblem {
  file: string;
  message: string;
}

export interface ExpandedPaths {
  files: string[];
  problems: FileProblem[];
}

/**
 * Inside a folder, a README describes the folder rather than being one of its documents, so it is left out
 * (name it explicitly to ingest it).
 */
export function isSupportedFile(name: string): boolean {
  if (name.startsWith('.') || /^readme(\.[^.]+)?$/i.test(name)) return false;
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
}

export async function expandPaths(paths: readonly string[]): Promise<ExpandedPaths> {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const keep = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    const entry = await entryKind(path);
    if (entry.kind === 'file') keep(path);
    else if (entry.kind === 'directory') for (const file of await walk(path)) keep(file);
    else problems.push({ file: path, message: `${path}: ${entry.reason}` });
  }
  return { files, problems };
}

type EntryKind = { kind: 'file' } | { kind: 'directory' } | { kind: 'missing'; reason: string };

async function entryKind(path: string): Promise<EntryKind> {
  try {
    const info = await stat(path);
    return { kind: info.isDirectory() ? 'directory' : 'file' };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file or folder; check the path' : `cannot open it (${code ?? e})`;
    return { kind: 'missing', reason };
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && isSupportedFile(entry.name)) found.push(path);
  }
  return found;
}
