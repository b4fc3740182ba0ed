import { useEffect, useState } from 'react';
import type { Rect } from './placement';

const same = (a: Rect | null, b: Rect) =>
  a !== null && a.top === b.top && a.left === b.left && a.width === b.width && a.height === b.height;

/**
 * Where the target is on screen, followed frame by frame (scrolling, resizing, a re-render moving
 * it); `onLost` when it leaves the page or stops being displayed (a route change, a closed dialog).
 */
export function useTargetRect(target: HTMLElement | null, onLost: () => void): Rect | null {
  const [rect, setRect] = useState<Rect | null>(null);
  useEffect(() => {
    if (!target) return;
    let frame = 0;
    const follow = () => {
      if (!target.isConnected || target.getClientRects().length === 0) return onLost();
      const { top, left, width, height } = target.getBoundingClientRect();
      const next = { top, left, width, height };
      setRect((previous) => (same(previous, next) ? previous : next));
      frame = requestAnimationFrame(follow);
    };
    follow();
    return () => cancelAnimationFrame(frame);
  }, [target, onLost]);
  return target ? rect : null;
}
