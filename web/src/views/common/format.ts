/** Numbers written for people: p-values, shares, ratios and signed slopes, with a true minus sign. */

/** "p = 0.03", "p < 0.001"; two significant figures below 0.1, two decimals above. */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'p not computed';
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.1) return `p = ${Number(p.toPrecision(2))}`;
  return `p = ${p.toFixed(2)}`;
}

export function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : pct.toFixed(1)}%`;
}

/** A ratio to two significant figures, up to 999; larger as a whole number. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞';
  if (ratio >= 1000) return String(Math.round(ratio));
  return String(Number(ratio.toPrecision(2)));
}

/** A signed number with a true minus sign: "−1.2", "+0.4", "0". */
export function signed(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return '0';
  const text = Math.abs(rounded).toFixed(digits);
  return rounded < 0 ? `−${text}` : `+${text}`;
}

/** A count, or "fewer than N" when room-safe hides counts below the threshold (zero is not hidden). */
export function safeCount(count: number, hideBelow: number | null): string {
  return hidden(count, hideBelow) ? `fewer than ${hideBelow}` : String(count);
}

export function hidden(count: number, hideBelow: number | null): boolean {
  return hideBelow !== null && count > 0 && count < hideBelow;
}

/** Escapes text for SVG/XML markup. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
