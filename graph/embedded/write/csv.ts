/**
 * CSV files for LadybugDB's `COPY … FROM`. A field is quoted when it holds a comma, quote, CR or LF (quotes
 * doubled; COPY runs with ESCAPE='"' so a backslash is just a backslash). Unquoted fields keep their spaces.
 * An empty field reads back as NULL, quoted or not, so an empty string cannot travel through CSV: callers
 * route such rows around COPY (see `csvCanHold`).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type CsvValue = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FLUSH_AT = 1 << 22;

function isNewlineIn(value: string): boolean {
  return value.includes('\n') || value.includes('\r');
}

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value));
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;
}

/** False for rows COPY would change: an empty string would come back as NULL. */
export function csvCanHold(values: readonly CsvValue[]): boolean {
  return !values.includes('');
}

/**
 * Appends rows to one file through a reused byte buffer, one buffer write per row (a row's text is short-lived,
 * so it costs the collector next to nothing; collecting lines until a flush did not). A file made with
 * `multiline: false` refuses rows holding a line break, so LadybugDB can read it with its parallel reader,
 * which cannot split quoted line breaks.
 */
export class CsvFile {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(FLUSH_AT);
  private at = 0;
  rows = 0;

  constructor(
    readonly path: string,
    readonly multiline: boolean,
  ) {
    this.fd = openSync(path, 'w');
  }

  /** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
  private put(text: string): void {
    const room = text.length * 3;
    if (this.at + room > this.buffer.length) {
      this.flush();
      if (room > this.buffer.length) this.buffer = Buffer.allocUnsafe(room);
    }
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /** False (and nothing written) for a row with a line break in a file that is not multiline. */
  write(values: readonly CsvValue[]): boolean {
    let line = '';
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? null;
      let field: string;
      if (typeof value !== 'string') field = csvField(value);
      else if (!NEEDS_QUOTES.test(value)) field = value;
      else {
        if (!this.multiline && isNewlineIn(value)) return false;
        field = `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;
      }
      line = i === 0 ? field : `${line},${field}`;
    }
    this.put(`${line}\n`);
    this.rows++;
    return true;
  }

  private flush(): void {
    if (this.at > 0) writeSync(this.fd, this.buffer, 0, this.at);
    this.at = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
