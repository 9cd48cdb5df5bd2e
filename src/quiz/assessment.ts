// The final assessment's rules: a per-attempt order from a seed, the score, the pass and retakes.
import type { ScoredItem } from '../content/types';

/** mulberry32: a small seeded generator, so an attempt's order survives a relaunch. */
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

/** Item ids in this attempt's order (Fisher–Yates with the seed); `count` draws a subset. */
export function drawAssessment(items: ScoredItem[], seed: number, count = items.length): string[] {
  const ids = items.map((i) => i.id);
  const random = seededRandom(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids.slice(0, Math.max(0, Math.min(count, ids.length)));
}

export function scorePercent(results: boolean[]): number {
  return results.length ? Math.round((results.filter(Boolean).length / results.length) * 100) : 0;
}

export const isPassed = (percent: number, masteryScore: number): boolean => percent >= masteryScore;

/** attemptsAllowed 0 means unlimited. */
export const canRetake = (attemptsUsed: number, attemptsAllowed: number): boolean => attemptsAllowed === 0 || attemptsUsed < attemptsAllowed;
