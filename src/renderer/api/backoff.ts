/** Delay before the n-th reconnection attempt (0-based): doubles from `base`, capped at `max`. */
export function reconnectDelay(attempt: number, base = 500, max = 10_000): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt));
}
