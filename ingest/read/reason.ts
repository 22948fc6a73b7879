/**
 * A parser's failure as a reason a person can read inside our own message: the first line, without a
 * library's bracketed prefix ("[xmldom error]") or its position markers, and a stack overflow said plainly.
 */
const MAX_REASON = 160;

export function readableReason(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'it is nested too deeply to read';
  }
  const raw = error instanceof Error ? error.message : String(error);
  const line = (raw.split('\n').find((l) => l.trim() !== '') ?? '')
    .replace(/\[[^\]]*(?:xmldom|error|warning)[^\]]*\]\s*/gi, '')
    .replace(/^\s*(?:warning|error|fatal error)\s*:\s*/i, '')
    .replace(/\s*@?#\[line:\d+,col:\d+\]/g, '')
    .replace(/^(?:Error|TypeError|RangeError|SyntaxError|InvalidPDFException|FormatError):\s*/, '')
    .trim();
  if (line === '') return 'the parser gave no reason';
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}
