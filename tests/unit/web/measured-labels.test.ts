import { describe, expect, it } from 'vitest';
import {
  boxTouchesCircle,
  type MeasuredLabel,
  overlaps,
  placeMeasuredLabels,
  sideBoxes,
} from '../../../web/src/map/label-placement.ts';

const viewport = { width: 800, height: 600 };

function label(id: string, x: number, y: number, priority: number, font = 14): MeasuredLabel {
  return { id, boxes: sideBoxes(x, y, 10, 80, 18, 3), fontSize: font, priority };
}

describe('theme labels on the map', () => {
  it('labels the most important theme first when two labels would overlap', () => {
    const shown = placeMeasuredLabels(
      [label('minor', 100, 100, 1), label('major', 110, 100, 9)],
      [],
      viewport,
      11,
    );
    expect(shown.get('major')).toBe(0);
    expect(shown.has('minor') ? shown.get('minor') : null).not.toBe(0);
  });

  it('moves a label above, right or left of its circle when below is taken', () => {
    const circles = [{ id: 'under', x: 100, y: 135, r: 12 }];
    const shown = placeMeasuredLabels([label('a', 100, 100, 5)], circles, viewport, 11);
    expect(shown.get('a')).toBe(1);
  });

  it('never lets a shown label touch another circle, another label or a reserved area', () => {
    const candidates = Array.from({ length: 40 }, (_, i) =>
      label(`t${i}`, 60 + (i % 8) * 60, 60 + Math.floor(i / 8) * 50, 40 - i),
    );
    const circles = candidates.map((c, i) => ({
      id: c.id,
      x: 60 + (i % 8) * 60,
      y: 60 + Math.floor(i / 8) * 50,
      r: 10,
    }));
    const reserved = [{ x1: 0, y1: 0, x2: 800, y2: 40 }];
    const shown = placeMeasuredLabels(candidates, circles, viewport, 11, reserved);
    const boxes = [...shown].map(([id, side]) => ({
      id,
      box: candidates.find((c) => c.id === id)!.boxes[side]!,
    }));
    expect(boxes.length).toBeGreaterThan(5);
    for (const a of boxes) {
      expect(overlaps(a.box, reserved[0]!)).toBe(false);
      for (const b of boxes) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
      for (const c of circles) if (c.id !== a.id) expect(boxTouchesCircle(a.box, c)).toBe(false);
    }
  });

  it('leaves out labels too small to read, and labels off screen', () => {
    const shown = placeMeasuredLabels(
      [label('tiny', 100, 100, 5, 9), label('off', 790, 100, 5)],
      [],
      viewport,
      11,
    );
    expect(shown.has('tiny')).toBe(false);
    expect(shown.get('off')).toBe(3);
  });
});
