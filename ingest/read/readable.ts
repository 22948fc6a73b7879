/**
 * Whether decoded text holds anything a person could read. Whitespace, zero-width and other invisible
 * characters are not text; nor is a long run of characters with no word breaks, which is what random
 * bytes become when they happen to decode (every byte above 0x7F is a Windows-1252 character).
 */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const WORD_CHARACTERS = /[\p{L}\p{N}]/gu;
/** Scripts written without spaces between words. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
/** Below this many visible characters, a text is judged on having a letter or digit at all. */
const SHORT_TEXT = 200;
/** Real prose averages 5–7 letters per space-separated word; random characters run on for hundreds. */
const MAX_MEAN_WORD = 40;

export type Readability = 'readable' | 'invisible' | 'no-words';

export function readability(text: string): Readability {
  const visible = text.replace(INVISIBLE, '');
  if (!WORD_CHARACTER.test(visible)) return 'invisible';
  if (visible.length < SHORT_TEXT) return 'readable';
  const unspaced = visible.match(UNSPACED_SCRIPT)?.length ?? 0;
  if (unspaced / visible.length > 0.3) return 'readable';
  const words = text.split(/\s+/u).filter((w) => w.length > 0).length;
  const letters = visible.match(WORD_CHARACTERS)?.length ?? 0;
  return letters / Math.max(1, words) > MAX_MEAN_WORD ? 'no-words' : 'readable';
}
