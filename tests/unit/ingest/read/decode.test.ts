import { describe, expect, it } from 'vitest';
import { decodeText, UTF16_WARNING, WINDOWS_1252_WARNING } from '../../../../ingest/read/decode.ts';
import { readBytes } from '../../../../ingest/read/index.ts';
import { binaryBytes, undecodableBytes, windows1252Bytes } from '../../../fixtures/documents/generated.ts';
import { documentOf, errorOf } from './expectations.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding text files', () => {
  it('drops a UTF-8 byte-order mark and changes nothing else', () => {
    const result = decodeText(
      'notes.txt',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('  Child Q – review\t\n')]),
    );
    expect(result).toEqual({ ok: true, text: '  Child Q – review\t\n', warnings: [] });
  });

  it('turns CRLF line endings into LF and keeps a lone CR', () => {
    const result = decodeText('notes.txt', utf8('line one\r\nline two\rstill two\r\n'));
    expect(result.ok && result.text).toBe('line one\nline two\rstill two\n');
  });

  it('decodes invalid UTF-8 as Windows-1252 and says so', () => {
    const result = decodeText('old.txt', windows1252Bytes());
    expect(result).toEqual({
      ok: true,
      text: 'Westmoor partnership’s review – café meeting £20\n',
      warnings: [WINDOWS_1252_WARNING],
    });
    expect(WINDOWS_1252_WARNING).toBe('decoded as Windows-1252; save as UTF-8 to silence this');
  });

  it('reports bytes that are neither UTF-8 nor Windows-1252 as an encoding error naming the file', async () => {
    const error = errorOf(await readBytes('notes/odd.txt', undecodableBytes()));
    expect(error.kind).toBe('encoding');
    expect(error.file).toBe('notes/odd.txt');
    expect(error.message).toBe(
      'notes/odd.txt: the text is neither valid UTF-8 nor Windows-1252; open it in a text editor and save it as UTF-8',
    );
  });

  it('reports a file with NUL bytes as binary', async () => {
    const error = errorOf(await readBytes('picture.txt', binaryBytes()));
    expect(error.kind).toBe('binary');
    expect(error.message).toMatch(
      /^picture\.txt: no readable text: the file looks like binary data \(it contains NUL bytes\)/,
    );
  });

  it('reports many control characters as binary but accepts a stray form feed and DOS end-of-file mark', async () => {
    const noisy = Uint8Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x61));
    expect(errorOf(await readBytes('noisy.md', noisy)).kind).toBe('binary');
    const text = `${'A paragraph of ordinary text. '.repeat(10)}\f\n${'More text. '.repeat(10)}\x1a`;
    expect(documentOf(await readBytes('old-dos.txt', utf8(text))).text).toBe(text);
  });

  it('decodes UTF-16 with a byte-order mark, with a warning', async () => {
    const body = Buffer.from('Westmoor notes\r\nsecond line', 'utf16le');
    const doc = documentOf(await readBytes('notepad.txt', Uint8Array.from([0xff, 0xfe, ...body])));
    expect(doc.text).toBe('Westmoor notes\nsecond line');
    expect(doc.warnings).toEqual([UTF16_WARNING]);
  });
});
