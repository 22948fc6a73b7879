/** The opening sentences of a passage, where summaries say who was harmed, how, and when. */
export function firstSentences(text: string, count: number): string[] {
  const out: string[] = [];
  const re = /[.!?]["'’”)\]]*\s+(?=["'‘“(]?[A-Z0-9])/g;
  let start = 0;
  for (let m = re.exec(text); m && out.length < count; m = re.exec(text)) {
    out.push(text.slice(start, m.index + 1).trim());
    start = m.index + m[0].length;
  }
  if (out.length < count && start < text.length) out.push(text.slice(start).trim());
  return out.filter((s) => s.length > 0);
}
