/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F. Five of those bytes are undefined; a file that uses
 * them is not Windows-1252 text, so decoding reports failure instead of inventing characters. The string
 * holds the characters for bytes 0x80–0x9F; U+0000 marks the five undefined bytes.
 */
const HIGH_CONTROL_RANGE = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/** The decoded text, or null when a byte is undefined in Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, offset + CHUNK);
    for (let i = offset; i < end; i++) {
      const byte = bytes[i] as number;
      if (byte < 0x80 || byte > 0x9f) {
        codes.push(byte);
        continue;
      }
      const mapped = HIGH_CONTROL_RANGE.charCodeAt(byte - 0x80);
      if (mapped === 0) return null;
      codes.push(mapped);
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
