import { describe, expect, it } from 'vitest';
import { matchingCandidates } from '../../../src/renderer/features/trainer/TraineePicker';

const candidates = [
  { id: 'urb-01', name: 'Álvaro Demo Pérez', departmentId: 'urbanismo', departmentName: 'Urbanismo' },
  { id: 'urb-02', name: 'María Demo Núñez', departmentId: 'urbanismo', departmentName: 'Urbanismo' },
  { id: 'hac-01', name: 'Lucía Demo García', departmentId: 'hacienda', departmentName: 'Hacienda' },
];

describe("the trainer's search for trainees", () => {
  it('matches every word typed in the name, whatever the case and the accents', () => {
    expect(matchingCandidates(candidates, 'alvaro', []).map((found) => found.id)).toEqual(['urb-01']);
    expect(matchingCandidates(candidates, 'DEMO nunez', []).map((found) => found.id)).toEqual(['urb-02']);
    expect(matchingCandidates(candidates, '  ', []).map((found) => found.id)).toEqual([
      'urb-01',
      'urb-02',
      'hac-01',
    ]);
  });

  it('keeps the people already picked in the list whatever is typed', () => {
    expect(matchingCandidates(candidates, 'lucía', ['urb-01']).map((found) => found.id)).toEqual([
      'urb-01',
      'hac-01',
    ]);
    expect(matchingCandidates(candidates, 'nadie', [])).toEqual([]);
  });
});
