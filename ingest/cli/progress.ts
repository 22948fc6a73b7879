/** A one-line progress bar on a terminal; silent when the stream is a pipe or a file. */
import { basename } from 'node:path';

export interface TextStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  update(index: number, total: number, file: string): void;
  done(): void;
}

const BAR_WIDTH = 24;

export function progressOn(stream: TextStream): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let shown = false;
  return {
    update(index, total, file) {
      shown = true;
      stream.write(`\r\x1b[2K${progressLine(index, total, basename(file), stream.columns ?? 80)}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export function progressLine(index: number, total: number, name: string, columns: number): string {
  const filled = total > 0 ? Math.round((index / total) * BAR_WIDTH) : 0;
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
  const head = `${bar} ${index}/${total} `;
  const room = Math.max(0, columns - head.length - 1);
  return head + (name.length > room ? `${name.slice(0, Math.max(0, room - 1))}…` : name);
}
