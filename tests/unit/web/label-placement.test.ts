import { describe, expect, it } from 'vitest';
import { type LabelCandidate, labelBox, placeLabels } from '../../../web/src/map/label-placement.ts';

const at = (
  id: string,
  x: number,
  y: number,
  priority: number,
  text = 'Information sharing',
): LabelCandidate => ({
  id,
  x,
  y,
  diameter: 20,
  fontSize: 14,
  maxWidth: 120,
  text,
  priority,
});
const screen = { width: 1000, height: 800 };

describe('theme label placement', () => {
  it('shows the heavier of two labels that would overlap', () => {
    expect(placeLabels([at('light', 105, 100, 1), at('heavy', 100, 100, 9)], screen, 10)).toEqual(
      new Set(['heavy']),
    );
  });

  it('shows both when they are apart', () => {
    expect(placeLabels([at('a', 100, 100, 1), at('b', 600, 400, 2)], screen, 10).size).toBe(2);
  });

  it('always shows the selected theme first', () => {
    const shown = placeLabels(
      [at('heavy', 100, 100, 9), at('selected', 104, 100, Number.POSITIVE_INFINITY)],
      screen,
      10,
    );
    expect(shown).toEqual(new Set(['selected']));
  });

  it('hides a label that would run under a heavier circle', () => {
    const heavy = { ...at('heavy', 100, 140, 9), diameter: 40 };
    expect(placeLabels([heavy, at('light', 100, 100, 1, 'x')], screen, 10).has('light')).toBe(false);
  });

  it('leaves out labels that are off screen or too small to read', () => {
    expect(placeLabels([at('off', -400, 100, 5)], screen, 10).size).toBe(0);
    expect(placeLabels([{ ...at('tiny', 100, 100, 5), fontSize: 6 }], screen, 10).size).toBe(0);
  });

  it('keeps labels out of reserved screen areas such as a caption card', () => {
    const card = { x1: 0, y1: 90, x2: 400, y2: 300 };
    expect(
      placeLabels([at('under-card', 100, 100, 9), at('clear', 700, 100, 1)], screen, 10, [card]),
    ).toEqual(new Set(['clear']));
  });

  it('wraps long labels into more lines within the width', () => {
    const one = labelBox(at('a', 0, 0, 1, 'Short'));
    const many = labelBox(at('b', 0, 0, 1, 'A much longer theme label that has to wrap over lines'));
    expect(many.y2 - many.y1).toBeGreaterThan(one.y2 - one.y1);
    expect(many.x2 - many.x1).toBeLessThanOrEqual(120 + 6);
  });
});
