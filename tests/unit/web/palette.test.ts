import { describe, expect, it } from 'vitest';
import {
  colourOf,
  contrastRatio,
  DESK_PALETTE,
  groupColours,
  inkOn,
  OKABE_ITO,
  UNGROUPED,
} from '../../../web/src/map/palette.ts';

describe('palettes', () => {
  it('gives a group the same colour whatever other groups are present', () => {
    const all = groupColours(['practice', 'family', 'systems'], 'desk');
    const again = groupColours(['systems', 'practice', 'family', 'systems'], 'desk');
    expect([...again]).toEqual([...all]);
    expect(all.get('family')).toBe(DESK_PALETTE[0]);
  });

  it('uses the Okabe–Ito colours in presentation mode', () => {
    const colours = groupColours(['a', 'b', 'c'], 'presentation');
    expect([...colours.values()]).toEqual(OKABE_ITO.slice(0, 3));
  });

  it('colours themes without a group as one named group', () => {
    const colours = groupColours([null, 'a'], 'desk');
    expect(colours.has(UNGROUPED)).toBe(true);
    expect(colourOf(colours, null)).toBe(colours.get(UNGROUPED));
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  it('keeps every desk colour at 3:1 or better against white, as graphics need for WCAG AA', () => {
    for (const colour of DESK_PALETTE) expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('picks legible ink for text on any palette colour', () => {
    for (const colour of [...DESK_PALETTE, ...OKABE_ITO]) {
      expect(contrastRatio(inkOn(colour), colour)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('rejects colours it cannot read', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(/#rrggbb/);
  });
});
