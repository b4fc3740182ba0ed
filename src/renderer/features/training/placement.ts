/** A rectangle in viewport pixels, as getBoundingClientRect gives it. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export type Side = 'bottom' | 'top' | 'right' | 'left';

export interface Placement {
  readonly top: number;
  readonly left: number;
  readonly side: Side;
}

/** Room between the focus area's edge and the target, and between the popover and the focus area. */
export const focusPadding = 6;
export const popoverGap = 10;

const right = (rect: Rect) => rect.left + rect.width;
const bottom = (rect: Rect) => rect.top + rect.height;
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)));

/** The focus area: the target and a little room around it, never outside the viewport. */
export function focusArea(target: Rect, viewport: Size): Rect {
  const top = clamp(target.top - focusPadding, 0, viewport.height);
  const left = clamp(target.left - focusPadding, 0, viewport.width);
  return {
    top,
    left,
    width: Math.max(0, Math.min(viewport.width, right(target) + focusPadding) - left),
    height: Math.max(0, Math.min(viewport.height, bottom(target) + focusPadding) - top),
  };
}

/** Whether two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < right(b) && b.left < right(a) && a.top < bottom(b) && b.top < bottom(a);
}

/** The room the viewport has on each side of the focus area. */
function room(area: Rect, viewport: Size): Record<Side, number> {
  return {
    bottom: viewport.height - bottom(area),
    top: area.top,
    right: viewport.width - right(area),
    left: area.left,
  };
}

/** The popover on one side of the focus area, slid along that side to stay in the viewport where it can. */
function onSide(side: Side, area: Rect, popover: Size, viewport: Size): Placement {
  if (side === 'bottom' || side === 'top') {
    const left = clamp(area.left + area.width / 2 - popover.width / 2, 0, viewport.width - popover.width);
    const top = side === 'bottom' ? bottom(area) + popoverGap : area.top - popoverGap - popover.height;
    return { top, left, side };
  }
  const top = clamp(area.top + area.height / 2 - popover.height / 2, 0, viewport.height - popover.height);
  const left = side === 'right' ? right(area) + popoverGap : area.left - popoverGap - popover.width;
  return { top, left, side };
}

const preference: readonly Side[] = ['bottom', 'top', 'right', 'left'];

/**
 * Where the popover goes: beside the target, never over it or its focus area. The first side (below,
 * above, right, left) where it fits in the viewport; when none fits, the side with the most room,
 * even if part of the popover then leaves the screen: the trainee must always see what to act on.
 */
export function placePopover(target: Rect, popover: Size, viewport: Size): Placement {
  const area = focusArea(target, viewport);
  const space = room(area, viewport);
  const needs: Record<Side, number> = {
    bottom: popover.height + popoverGap,
    top: popover.height + popoverGap,
    right: popover.width + popoverGap,
    left: popover.width + popoverGap,
  };
  const fitting = preference.find((side) => space[side] >= needs[side]);
  const side = fitting ?? [...preference].sort((a, b) => space[b] - needs[b] - (space[a] - needs[a]))[0]!;
  return onSide(side, area, popover, viewport);
}
