/**
 * How long a trainee has been on their step: the desk's count when the view was read (time away
 * left out), plus, while they are there, the time since the view was fetched on this machine (so
 * the renderer's clock being off does not matter). A trainee away stands still.
 */
export function timeOnStepMs(step: { elapsedMs: number; away: boolean }, fetchedAt: number, nowMs: number) {
  return step.elapsedMs + (step.away ? 0 : Math.max(0, nowMs - fetchedAt));
}

/** `m:ss`, or `h:mm:ss` past the hour. */
export function clockText(ms: number): string {
  const total = Math.floor(ms / 1000);
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
