/**
 * Documents built to hurt a reader: decompression bombs, deep nesting, odd encodings, text with nothing to
 * read, random bytes, odd names. Generated in memory (nothing is committed), for the bad-input tests and
 * the upload bench.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  /** What the file is built to do, for test names and bench output. */
  about: string;
}

interface ZipEntry {
  name: string;
  /** Deflated bytes. */
  data: Uint8Array;
  crc: number;
  /** The real uncompressed size. */
  size: number;
  /** The size the headers claim; defaults to the real one (a lying archive claims less). */
  declared?: number;
}

/** A zip archive of deflated entries, headers written by hand so sizes can lie. */
export function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declared ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

export function deflatedEntry(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/** An entry of `prefix`, then `filler` repeated to `megabytes` MiB, then `suffix`, deflated as a stream. */
export async function repeatedEntry(
  name: string,
  prefix: string,
  filler: string,
  megabytes: number,
  suffix: string,
): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.from(filler.repeat(Math.ceil((1024 * 1024) / filler.length)).slice(0, 1024 * 1024));
  let crc = 0;
  let size = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(prefix));
  for (let i = 0; i < megabytes; i++) await write(chunk);
  await write(Buffer.from(suffix));
  deflate.end();
  await finished;
  return { name, data: new Uint8Array(Buffer.concat(out)), crc, size };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const BODY_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`;
const BODY_END = '</w:body></w:document>';

/** A Word document whose body is the given WordprocessingML. */
export function docxOf(body: string): Uint8Array {
  return zipOf([
    deflatedEntry('[Content_Types].xml', CONTENT_TYPES),
    deflatedEntry('_rels/.rels', RELS),
    deflatedEntry('word/document.xml', `${BODY_START}${body}${BODY_END}`),
  ]);
}

export function paragraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/**
 * A Word document of a few hundred KB whose document.xml inflates to `megabytes` MiB of one paragraph.
 * With `lying`, the zip headers claim the part is 1 KB.
 */
export async function zipBombDocx(megabytes: number, lying = false): Promise<Uint8Array> {
  const prefix = `${BODY_START}<w:p><w:r><w:t>`;
  const bomb = await repeatedEntry(
    'word/document.xml',
    prefix,
    'neglect ',
    megabytes,
    `</w:t></w:r></w:p>${BODY_END}`,
  );
  return zipOf([
    deflatedEntry('[Content_Types].xml', CONTENT_TYPES),
    deflatedEntry('_rels/.rels', RELS),
    lying ? { ...bomb, declared: 1024 } : bomb,
  ]);
}

/** A minimal PDF of `pages` pages, each with one line of text. */
export function pdfOf(pages: number, line = 'A fictional page about Child P.'): Uint8Array {
  const objects: string[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  for (const [i, id] of pageIds.entries()) {
    const stream = `BT /F1 12 Tf 72 720 Td (${line} ${i + 1}) Tj ET`;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
export function randomBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** Text as UTF-32 with a byte-order mark. */
export function utf32(text: string, endian: 'le' | 'be'): Uint8Array {
  const points = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0) ?? 0)];
  const bytes = Buffer.alloc(points.length * 4);
  for (const [i, p] of points.entries()) {
    if (endian === 'le') bytes.writeUInt32LE(p, i * 4);
    else bytes.writeUInt32BE(p, i * 4);
  }
  return new Uint8Array(bytes);
}

const REVIEW =
  'Serious Case Review: Child H. Published 2019 by the Northfield Safeguarding Children Partnership. ' +
  'Learning: information sharing between health visiting and children’s social care was poor.';

const encode = (text: string) => new TextEncoder().encode(text);

/** Files small enough to build in a unit test; each is refused with a message naming it, or read. */
export async function hostileFiles(): Promise<HostileFile[]> {
  const deepDivs = `<html><body><p>${REVIEW}</p>${'<div>'.repeat(200_000)}Deep.</body></html>`;
  const deepTables = `<html><body><p>${REVIEW}</p>${'<table><tr><td>'.repeat(20_000)}x</body></html>`;
  return [
    { name: 'bomb.docx', bytes: await zipBombDocx(120), about: 'a .docx that inflates to 120 MiB' },
    {
      name: 'lying-bomb.docx',
      bytes: await zipBombDocx(120, true),
      about: 'a .docx whose headers claim 1 KB but inflates to 120 MiB',
    },
    {
      name: 'deep-xml.docx',
      bytes: docxOf(`${'<w:sdt><w:sdtContent>'.repeat(50_000)}${paragraph(REVIEW)}`),
      about: 'a .docx nested 100,000 elements deep',
    },
    {
      name: 'many-parts.docx',
      bytes: zipOf([
        ...Array.from({ length: 20_000 }, (_, i) => deflatedEntry(`word/media/p${i}.xml`, '<x/>')),
        deflatedEntry('word/document.xml', `${BODY_START}${paragraph(REVIEW)}${BODY_END}`),
      ]),
      about: 'a .docx of 20,000 parts',
    },
    { name: 'not-xml.docx', bytes: docxOf('<w:p><w:r><w:t>open'), about: 'a .docx with broken XML' },
    { name: 'deep-divs.html', bytes: encode(deepDivs), about: '200,000 unclosed <div>s' },
    { name: 'deep-tables.html', bytes: encode(deepTables), about: '20,000 nested tables' },
    {
      name: 'deep-xml.xhtml',
      bytes: encode(`<?xml version="1.0"?><html><body>${'<a:b>'.repeat(100_000)}${REVIEW}</body></html>`),
      about: 'XHTML with 100,000 nested unknown elements',
    },
    { name: 'many-pages.pdf', bytes: pdfOf(3_000), about: 'a PDF of 3,000 pages' },
    { name: 'utf32le.txt', bytes: utf32(REVIEW, 'le'), about: 'UTF-32 little-endian with a BOM' },
    { name: 'utf32be.txt', bytes: utf32(REVIEW, 'be'), about: 'UTF-32 big-endian with a BOM' },
    { name: 'whitespace.txt', bytes: encode(' \n\t\u00a0\u3000\n'.repeat(1000)), about: 'only whitespace' },
    {
      name: 'zero-width.md',
      bytes: encode('\u200b\u200c\u200d\ufeff\u2060'.repeat(2000)),
      about: 'only zero-width characters',
    },
    { name: 'random.txt', bytes: randomBytes(64 * 1024, 7), about: '64 KB of random bytes' },
    {
      name: 'random-high.txt',
      bytes: randomBytes(64 * 1024, 11).map((b) => 0xa0 + (b % 0x60)),
      about: '64 KB of random bytes above 0xA0 (valid Windows-1252)',
    },
    { name: 'random.html', bytes: randomBytes(64 * 1024, 3), about: 'random bytes named .html' },
    { name: 'random.docx', bytes: randomBytes(64 * 1024, 5), about: 'random bytes named .docx' },
    { name: 'random.pdf', bytes: randomBytes(64 * 1024, 9), about: 'random bytes named .pdf' },
    {
      name: 'zip-random.docx',
      bytes: new Uint8Array([0x50, 0x4b, ...randomBytes(4096, 13)]),
      about: 'a zip header then noise',
    },
    {
      name: 'Review – Child “Q” (final) 2019.txt',
      bytes: encode(REVIEW),
      about: 'a name with spaces, quotes and a dash',
    },
    { name: '..txt', bytes: encode(REVIEW), about: 'a name that is only dots and an extension' },
    { name: `${'long-name-'.repeat(24)}.md`, bytes: encode(REVIEW), about: 'a 244-character name' },
    { name: 'no-extension', bytes: encode(REVIEW), about: 'a name without an extension' },
    { name: 'REVIEW.TXT', bytes: encode(REVIEW), about: 'an upper-case extension' },
  ];
}
