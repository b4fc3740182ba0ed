import { describe, expect, it } from 'vitest';
import {
  initialWalkthrough,
  walkthrough,
  type WalkthroughEvent,
  type WalkthroughState,
} from '../../../src/renderer/features/training/machine';

const run = (events: WalkthroughEvent[], from: WalkthroughState = initialWalkthrough) =>
  events.reduce(walkthrough, from);

describe('the walkthrough state', () => {
  it('seeks a new step, shows it once its target is found, and seeks it again when the target goes', () => {
    expect(run([{ type: 'progress', step: 'a#0' }])).toEqual({ phase: 'seeking', step: 'a#0' });
    expect(run([{ type: 'progress', step: 'a#0' }, { type: 'targetFound' }])).toEqual({
      phase: 'showing',
      step: 'a#0',
    });
    expect(run([{ type: 'progress', step: 'a#0' }, { type: 'targetFound' }, { type: 'targetLost' }])).toEqual(
      {
        phase: 'seeking',
        step: 'a#0',
      },
    );
  });

  it('keeps what the trainee sees when the same step comes again (a refetch, a hint), and seeks the next step', () => {
    const showing = run([{ type: 'progress', step: 'a#0' }, { type: 'targetFound' }]);
    expect(walkthrough(showing, { type: 'progress', step: 'a#0' })).toBe(showing);
    expect(walkthrough(showing, { type: 'progress', step: 'a#1' })).toEqual({
      phase: 'seeking',
      step: 'a#1',
    });
    // The same index of a new attempt is a new step.
    expect(walkthrough(showing, { type: 'progress', step: 'b#0' })).toEqual({
      phase: 'seeking',
      step: 'b#0',
    });
  });

  it('minimises on Escape and comes back seeking; a new step while minimised stays minimised until asked', () => {
    const minimised = run([{ type: 'progress', step: 'a#0' }, { type: 'targetFound' }, { type: 'minimise' }]);
    expect(minimised).toEqual({ phase: 'minimised', step: 'a#0' });
    expect(walkthrough(minimised, { type: 'targetFound' })).toBe(minimised);
    expect(walkthrough(minimised, { type: 'restore' })).toEqual({ phase: 'seeking', step: 'a#0' });
    expect(walkthrough(minimised, { type: 'progress', step: 'a#0' })).toBe(minimised);
    expect(walkthrough(minimised, { type: 'progress', step: 'a#1' })).toEqual({
      phase: 'seeking',
      step: 'a#1',
    });
  });

  it('finishes when the last step is done, and closes the result', () => {
    const finished = run([
      { type: 'progress', step: 'a#2' },
      { type: 'targetFound' },
      { type: 'progress', step: null },
    ]);
    expect(finished).toEqual({ phase: 'finished' });
    expect(walkthrough(finished, { type: 'progress', step: null })).toBe(finished);
    expect(walkthrough(finished, { type: 'close' })).toEqual({ phase: 'idle' });
  });

  it('does not reopen a result found finished on opening the app, and goes idle when the trainee leaves', () => {
    expect(run([{ type: 'progress', step: null }])).toEqual({ phase: 'idle' });
    expect(
      run([
        { type: 'progress', step: 'a#1' },
        { type: 'progress', step: null, none: true },
      ]),
    ).toEqual({ phase: 'idle' });
  });

  it('ignores what does not apply to the phase', () => {
    expect(walkthrough(initialWalkthrough, { type: 'targetFound' })).toBe(initialWalkthrough);
    expect(walkthrough(initialWalkthrough, { type: 'minimise' })).toBe(initialWalkthrough);
    const seeking = run([{ type: 'progress', step: 'a#0' }]);
    expect(walkthrough(seeking, { type: 'targetLost' })).toBe(seeking);
    expect(walkthrough(seeking, { type: 'close' })).toBe(seeking);
  });
});
