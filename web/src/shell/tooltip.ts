/** The hover tooltip: a title line and an optional detail line, next to the pointer. */
import { h, replaceChildren } from './dom.ts';

/** Shows `text` at `at`, or hides the tooltip when either is missing. */
export function showTooltip(
  tip: HTMLElement,
  text: string | null,
  at: { x: number; y: number } | null,
): void {
  if (!text || !at) {
    tip.hidden = true;
    return;
  }
  const [title, detail] = text.split('\n');
  replaceChildren(tip, h('strong', {}, title ?? ''), detail ? h('span', {}, detail) : null);
  tip.hidden = false;
  tip.style.transform = `translate(${Math.round(at.x + 14)}px, ${Math.round(at.y + 14)}px)`;
}
