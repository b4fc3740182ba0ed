/**
 * How long a trainee has been on their step, from the desk's clock: the view's `now` minus the step's
 * start, plus the time since the view was fetched on this machine (so the renderer's clock being
 * off does not matter). Never negative.
 */
export function timeOnStepMs(
  step: { startedAt: string },
  view: { now: string },
  fetchedAt: number,
  nowMs: number,
) {
  return Math.max(0, Date.parse(view.now) - Date.parse(step.startedAt) + (nowMs - fetchedAt));
}

/** `m:ss`, or `h:mm:ss` past the hour. */
export function clockText(ms: number): string {
  const total = Math.floor(ms / 1000);
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
