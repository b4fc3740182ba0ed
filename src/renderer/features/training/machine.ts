/**
 * The walkthrough's state for the current step: finding its target (after revealing it), showing
 * the popover beside it, or minimised by the trainee. Pure, so every transition is tested.
 */
export type WalkthroughState =
  /** No scenario under way (or it finished and the trainee closed its result). */
  | { readonly phase: 'idle' }
  /** Going to the step's screen and scrolling to it; then looking for the target. */
  | { readonly phase: 'seeking'; readonly step: string }
  /** The target is on screen: the popover points at it. */
  | { readonly phase: 'showing'; readonly step: string }
  /** The trainee put the guide away (Escape); it comes back on the next step or when asked. */
  | { readonly phase: 'minimised'; readonly step: string }
  /** The scenario is done: its result is shown. */
  | { readonly phase: 'finished' };

export type WalkthroughEvent =
  /**
   * The host's progress: the step to do now (a key naming the attempt and the step), or null once
   * finished; `none` when no scenario is under way.
   */
  | { readonly type: 'progress'; readonly step: string | null; readonly none?: boolean }
  | { readonly type: 'targetFound' }
  /** The target left the screen (a route change, a re-render). */
  | { readonly type: 'targetLost' }
  | { readonly type: 'minimise' }
  | { readonly type: 'restore' }
  | { readonly type: 'close' };

export const initialWalkthrough: WalkthroughState = { phase: 'idle' };

const stepOf = (state: WalkthroughState): string | null =>
  state.phase === 'seeking' || state.phase === 'showing' || state.phase === 'minimised' ? state.step : null;

export function walkthrough(state: WalkthroughState, event: WalkthroughEvent): WalkthroughState {
  switch (event.type) {
    case 'progress': {
      if (event.none) return { phase: 'idle' };
      // Finishing is seen while doing a step; an attempt found finished on opening the app stays closed.
      if (event.step === null) return stepOf(state) === null ? state : { phase: 'finished' };
      // The same step again (a refetch, a hint) keeps what the trainee sees; a new step is sought afresh.
      if (stepOf(state) === event.step) return state;
      return { phase: 'seeking', step: event.step };
    }
    case 'targetFound':
      return state.phase === 'seeking' ? { phase: 'showing', step: state.step } : state;
    case 'targetLost':
      return state.phase === 'showing' ? { phase: 'seeking', step: state.step } : state;
    case 'minimise':
      return state.phase === 'seeking' || state.phase === 'showing'
        ? { phase: 'minimised', step: state.step }
        : state;
    case 'restore':
      return state.phase === 'minimised' ? { phase: 'seeking', step: state.step } : state;
    case 'close':
      return state.phase === 'finished' ? { phase: 'idle' } : state;
  }
}
