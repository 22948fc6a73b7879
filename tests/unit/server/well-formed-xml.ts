import { DOMParser } from '@xmldom/xmldom';

/** Parses XML, turning every parser warning or error into a thrown Error (xmldom only reports them). */
export function parseStrictXml(text: string): Document {
  const problems: string[] = [];
  const record = (msg: unknown) => {
    problems.push(String(msg));
  };
  const doc = new DOMParser({
    errorHandler: { warning: record, error: record, fatalError: record },
  }).parseFromString(text, 'application/xml');
  if (problems.length > 0) throw new Error(`malformed XML: ${problems.join('; ')}`);
  return doc as unknown as Document;
}
