/** Labels browsers treat as Windows-1252 (the WHATWG Encoding Standard maps Latin-1 names to it). */
const WINDOWS_1252_LABELS =
  /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii)$/i;

/** How far into the file a browser looks for a <meta> charset declaration. */
const PRESCAN_BYTES = 1024;

/** True when the page's <meta charset> or http-equiv Content-Type names Windows-1252 or Latin-1. */
export function declaresWindows1252(bytes: Uint8Array): boolean {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, PRESCAN_BYTES),
  ).toString('latin1');
  const charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  return charset !== undefined && WINDOWS_1252_LABELS.test(charset);
}
