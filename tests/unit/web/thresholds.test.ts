import { describe, expect, it } from 'vitest';
import { mapStateChange } from '../../../web/src/state/map-state-change.ts';
import { Store } from '../../../web/src/state/store.ts';
import {
  countFloor,
  describeThresholds,
  linkThresholds,
  roomSafeNote,
} from '../../../web/src/state/thresholds.ts';
import { DEFAULT_STATE, presentationDefaults, type ViewState } from '../../../web/src/state/view-state.ts';

describe('the link thresholds a view asks for', () => {
  it("asks the API's significant backbone by default", () => {
    expect(linkThresholds(DEFAULT_STATE)).toEqual({ minShared: 2, minLift: 1.2, maxP: 0.05 });
  });

  it('goes from the strongest links only to every pair that shares a review', () => {
    const strongest = linkThresholds({ ...DEFAULT_STATE, linkLevel: 'strongest' });
    expect(strongest.maxP).toBeLessThan(0.05);
    expect(strongest.minLift).toBeGreaterThan(1.2);
    expect(linkThresholds({ ...DEFAULT_STATE, linkLevel: 'all' })).toEqual({
      minShared: 1,
      minLift: 0,
      maxP: 1,
    });
  });

  it('takes any minimum shared reviews, well past ten', () => {
    expect(linkThresholds({ ...DEFAULT_STATE, minShared: 40 }).minShared).toBe(40);
  });

  it('room-safe raises the least shared reviews to its threshold, never lowers it', () => {
    const safe = { ...DEFAULT_STATE, roomSafe: true, safeMinShared: 3 };
    expect(linkThresholds(safe).minShared).toBe(3);
    expect(linkThresholds({ ...safe, minShared: 7 }).minShared).toBe(7);
    expect(countFloor(safe)).toBe(3);
    expect(countFloor(DEFAULT_STATE)).toBe(1);
    expect(roomSafeNote(safe)).toContain('fewer than 3 reviews');
    expect(roomSafeNote(DEFAULT_STATE)).toBeNull();
  });

  it('says the thresholds in words', () => {
    expect(describeThresholds({ minShared: 2, minLift: 1.2, maxP: 0.05 })).toBe(
      'Links shared by 2+ reviews, lift ≥ 1.2, p ≤ 0.05',
    );
    expect(describeThresholds({ minShared: 1, minLift: 0, maxP: 1 })).toBe('Links shared by 1+ review');
  });
});

describe('starting a presentation', () => {
  it('turns room-safe on, and the presenter may turn it off again while presenting', () => {
    const store = new Store<ViewState>(DEFAULT_STATE, presentationDefaults);
    store.update({ presenting: true });
    expect(store.get().roomSafe).toBe(true);
    store.update({ roomSafe: false });
    expect(store.get()).toMatchObject({ presenting: true, roomSafe: false });
  });
});

describe('what a change of state means for the map', () => {
  it('loads again for filters and thresholds, draws again for the size measure and bridges', () => {
    expect(mapStateChange({ ...DEFAULT_STATE, linkLevel: 'all' }, DEFAULT_STATE)).toEqual({
      reload: true,
      redraw: false,
    });
    expect(mapStateChange({ ...DEFAULT_STATE, roomSafe: true }, DEFAULT_STATE).reload).toBe(true);
    expect(mapStateChange({ ...DEFAULT_STATE, sizeBy: 'pageRank' }, DEFAULT_STATE)).toEqual({
      reload: false,
      redraw: true,
    });
  });
});
