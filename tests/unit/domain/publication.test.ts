import { describe, expect, it } from 'vitest';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { layoutStamps, type Box } from '../../../src/shared/domain/stamp-layout';

describe('what a signed document may publish of its signers', () => {
  it('LOPDGDD DA 7ª: a DNI shows its 4th to 7th digits and nothing else', () => {
    expect(maskNif('12345678Z')).toBe('***4567**');
    expect(maskNif(' 00123456r ')).toBe('***2345**');
  });

  it('LOPDGDD DA 7ª: a NIE shows its 5th to 8th characters', () => {
    expect(maskNif('X1234567L')).toBe('****4567*');
    expect(maskNif('Y7654321G')).toBe('****4321*');
  });

  it('hides a number of any other form whole', () => {
    expect(maskNif('B12345678')).toBe('*********');
    expect(maskNif('AB-1234')).toBe('*******');
  });
});

describe('stamp layout', () => {
  const area: Box = { x: 60, y: 100, width: 470, height: 300 };
  const spec = { area, minWidth: 200, minHeight: 60, gap: 10 };
  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const inside = (box: Box) =>
    box.x >= area.x &&
    box.y >= area.y &&
    box.x + box.width <= area.x + area.width + 1e-9 &&
    box.y + box.height <= area.y + area.height + 1e-9;

  it.each([1, 2, 3, 4, 5, 6])('puts %i stamps inside the area, legible and never overlapping', (count) => {
    const boxes = layoutStamps(count, spec)!;
    expect(boxes).toHaveLength(count);
    for (const [index, box] of boxes.entries()) {
      expect(inside(box)).toBe(true);
      expect(box.width).toBeGreaterThanOrEqual(spec.minWidth);
      expect(box.height).toBeGreaterThanOrEqual(spec.minHeight);
      for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
    }
  });

  it('fills rows left to right and top to bottom, in signing order', () => {
    const [first, second, third] = layoutStamps(3, spec)!;
    expect(second!.x).toBeGreaterThan(first!.x);
    expect(second!.y).toBe(first!.y);
    expect(third!.y).toBeLessThan(first!.y);
  });

  it('says they do not fit rather than shrinking them past legibility', () => {
    expect(layoutStamps(12, spec)).toBeNull();
    expect(layoutStamps(1, { ...spec, area: { ...area, width: 150 } })).toBeNull();
  });
});
