import { readFile, stat } from 'node:fs/promises';

export interface FileSize {
  isFile: boolean;
  isDirectory: boolean;
  bytes: number;
}

/** Where readFile gets bytes from; a seam so a test can see that an oversized file is never read. */
export interface FileSource {
  size(path: string): Promise<FileSize>;
  read(path: string): Promise<Uint8Array>;
}

export const nodeFileSource: FileSource = {
  async size(path) {
    const stats = await stat(path);
    return { isFile: stats.isFile(), isDirectory: stats.isDirectory(), bytes: stats.size };
  },
  async read(path) {
    return readFile(path);
  },
};
