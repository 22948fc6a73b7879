import { describe, expect, it } from 'vitest';
import { progressLine, progressOn } from '../../../../ingest/cli/progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, columns: 60, write: (text: string) => written.push(text) };
}

describe('progress', () => {
  it('draws a bar with the file count and the file name', () => {
    expect(progressLine(3, 12, 'bulletin.txt', 80)).toBe('[######..................] 3/12 bulletin.txt');
  });

  it('shortens a long name to fit the terminal width', () => {
    const line = progressLine(1, 2, 'x'.repeat(200), 60);
    expect(line.length).toBeLessThan(60);
    expect(line.endsWith('…')).toBe(true);
  });

  it('writes to a terminal and clears the line when done', () => {
    const tty = stream(true);
    const progress = progressOn(tty);
    progress.update(1, 2, '/library/a.txt');
    progress.done();
    expect(tty.written[0]).toContain('1/2 a.txt');
    expect(tty.written.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes nothing when the stream is piped', () => {
    const piped = stream(false);
    const progress = progressOn(piped);
    progress.update(1, 2, 'a.txt');
    progress.done();
    expect(piped.written).toEqual([]);
  });
});
