// The final assessment's rules: a per-attempt order drawn from a seed, the percentage score,
// the pass mark and the number of retakes.

/** mulberry32: a tiny seeded generator. The seed is saved with the attempt, so the attempt's
 *  order is the same after a relaunch, on any browser. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh seed for a new attempt: a non-negative 31-bit integer. */
export const randomSeed = (): number => Math.floor(Math.random() * 0x7fffffff);

/** Item ids in this attempt's order (Fisher–Yates driven by the seed); `count` keeps the first
 *  `count` of that order, so a draw of fewer items is also stable. */
export function drawAssessment(items: readonly { id: string }[], seed: number, count?: number): string[] {
  const ids = items.map((i) => i.id);
  const random = seededRandom(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const keep = count === undefined || !Number.isFinite(count) ? ids.length : Math.max(0, Math.min(Math.floor(count), ids.length));
  return ids.slice(0, keep);
}

/** Share of right answers, 0–100, rounded to a whole number; no items scores 0. */
export function scorePercent(results: readonly boolean[]): number {
  if (results.length === 0) return 0;
  return Math.round((results.filter(Boolean).length / results.length) * 100);
}

/** The mastery score itself passes. */
export const isPassed = (percent: number, masteryScore: number): boolean => percent >= masteryScore;

/** attemptsAllowed 0 means unlimited. */
export const canRetake = (attemptsUsed: number, attemptsAllowed: number): boolean =>
  attemptsAllowed === 0 || attemptsUsed < attemptsAllowed;
