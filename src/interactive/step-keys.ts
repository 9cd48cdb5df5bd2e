// Moving through a sequence (timeline events, session steps): the one place that keeps an
// index inside its bounds and maps the optional arrow keys, so every stepper behaves alike.

/** The index `delta` steps from `current`, held inside 0 … total − 1. */
export function stepBy(current: number, delta: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(total - 1, Math.max(0, current + delta));
}

/** Where an arrow, Home or End key moves from `current`; null for any other key, so the
 *  browser keeps its own behaviour (Tab, Enter, Space stay the main way to operate). */
export function indexForKey(key: string, current: number, total: number): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return stepBy(current, -1, total);
    case 'ArrowRight':
    case 'ArrowDown':
      return stepBy(current, 1, total);
    case 'Home':
      return 0;
    case 'End':
      return Math.max(0, total - 1);
    default:
      return null;
  }
}
