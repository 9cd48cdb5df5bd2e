// Work the learner is not waiting for (the next module, the LRS library, the full menu): when the
// browser is idle, and at the latest after `timeoutMs`.
export function whenIdle(f: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => f(), { timeout: timeoutMs });
  else setTimeout(f, Math.min(timeoutMs, 300));
}
