import { describe, expect, it } from 'vitest';
import {
  focusArea,
  overlaps,
  placePopover,
  popoverGap,
  type Rect,
} from '../../../src/renderer/features/training/placement';

/** A small deterministic generator (mulberry32), so every run checks the same thousands of layouts. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const popoverRect = (
  placement: { top: number; left: number },
  size: { width: number; height: number },
): Rect => ({
  ...placement,
  ...size,
});

describe('the walkthrough popover', () => {
  it('goes below a target with room below, centred on it', () => {
    const target = { top: 100, left: 400, width: 120, height: 30 };
    const placement = placePopover(target, { width: 300, height: 150 }, { width: 1280, height: 800 });
    const area = focusArea(target, { width: 1280, height: 800 });
    expect(placement.side).toBe('bottom');
    expect(placement.top).toBe(area.top + area.height + popoverGap);
    expect(placement.left).toBe(area.left + area.width / 2 - 150);
  });

  it('goes above a target at the bottom of the screen, and to a side of a target as tall as the screen', () => {
    const viewport = { width: 1280, height: 800 };
    expect(
      placePopover({ top: 740, left: 10, width: 80, height: 30 }, { width: 300, height: 150 }, viewport),
    ).toMatchObject({
      side: 'top',
      left: 0,
    });
    expect(
      placePopover({ top: 0, left: 100, width: 300, height: 800 }, { width: 300, height: 150 }, viewport)
        .side,
    ).toBe('right');
    expect(
      placePopover({ top: 0, left: 900, width: 380, height: 800 }, { width: 300, height: 150 }, viewport)
        .side,
    ).toBe('left');
  });

  it('never covers the target or its focus area, whatever the target, popover and screen', () => {
    const next = random(20261207);
    for (let run = 0; run < 5000; run++) {
      const viewport = { width: 320 + Math.floor(next() * 1600), height: 240 + Math.floor(next() * 1000) };
      const target = {
        top: Math.floor(next() * viewport.height) - 20,
        left: Math.floor(next() * viewport.width) - 20,
        width: 1 + Math.floor(next() * viewport.width * 0.9),
        height: 1 + Math.floor(next() * viewport.height * 0.9),
      };
      const popover = { width: 120 + Math.floor(next() * 400), height: 80 + Math.floor(next() * 300) };
      const placement = placePopover(target, popover, viewport);
      const placed = popoverRect(placement, popover);
      expect(overlaps(placed, target), JSON.stringify({ viewport, target, popover, placement })).toBe(false);
      expect(overlaps(placed, focusArea(target, viewport))).toBe(false);
    }
  });

  it('stays inside the screen whenever some side has room for it', () => {
    const next = random(7);
    for (let run = 0; run < 2000; run++) {
      const viewport = { width: 1280, height: 800 };
      const target = {
        top: Math.floor(next() * 700),
        left: Math.floor(next() * 1100),
        width: 20 + Math.floor(next() * 150),
        height: 20 + Math.floor(next() * 60),
      };
      const popover = { width: 300, height: 160 };
      const placed = popoverRect(placePopover(target, popover, viewport), popover);
      expect(placed.top).toBeGreaterThanOrEqual(0);
      expect(placed.left).toBeGreaterThanOrEqual(0);
      expect(placed.top + placed.height).toBeLessThanOrEqual(viewport.height);
      expect(placed.left + placed.width).toBeLessThanOrEqual(viewport.width);
    }
  });
});

describe('the focus area', () => {
  it('holds the whole target with room around it, within the screen', () => {
    const viewport = { width: 1000, height: 700 };
    expect(focusArea({ top: 50, left: 60, width: 100, height: 20 }, viewport)).toEqual({
      top: 44,
      left: 54,
      width: 112,
      height: 32,
    });
    expect(focusArea({ top: -10, left: 990, width: 40, height: 30 }, viewport)).toEqual({
      top: 0,
      left: 984,
      width: 16,
      height: 26,
    });
  });
});
