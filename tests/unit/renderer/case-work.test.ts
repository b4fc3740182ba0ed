import { describe, expect, it } from 'vitest';
import { caseWorkFor, queueToShow } from '../../../src/renderer/app/case-work';
import { queueNames } from '../../../src/shared/domain/cases';

describe('the screen follows the roles', () => {
  it('gives a processor every queue and the claim actions', () => {
    expect(caseWorkFor(['processor'])).toEqual({ queues: queueNames, canClaim: true });
  });

  it('gives the demo trainer, who is also a processor, the same', () => {
    expect(caseWorkFor(['trainer', 'processor'])).toEqual({ queues: queueNames, canClaim: true });
  });

  it('gives a head the department’s queues to review, without the claim actions', () => {
    expect(caseWorkFor(['head'])).toEqual({
      queues: ['unassigned', 'due_soon', 'overdue', 'all'],
      canClaim: false,
    });
  });

  it('gives the administrator, or a trainer only, no case screen at all', () => {
    expect(caseWorkFor(['admin'])).toBeNull();
    expect(caseWorkFor(['trainer'])).toBeNull();
    expect(caseWorkFor([])).toBeNull();
  });

  it('shows the queue asked for when the user has it, their first one otherwise', () => {
    const head = caseWorkFor(['head'])!;
    expect(queueToShow(head, 'overdue')).toBe('overdue');
    expect(queueToShow(head, 'mine')).toBe('unassigned');
    expect(queueToShow(caseWorkFor(['processor'])!, 'mine')).toBe('mine');
  });
});
