import { describe, expect, it } from 'vitest';
import { canRetake, drawAssessment, isPassed, scorePercent, seededRandom } from '../../../src/quiz/assessment';

const items = Array.from({ length: 20 }, (_, i) => ({ id: `item-${i}` }));
const ids = items.map((i) => i.id);

describe('drawing the assessment', () => {
  it('gives the same order for the same seed, so a relaunch shows the same attempt', () => {
    expect(drawAssessment(items, 12345)).toEqual(drawAssessment(items, 12345));
  });

  it('gives another order for another seed', () => {
    expect(drawAssessment(items, 1)).not.toEqual(drawAssessment(items, 2));
  });

  it('keeps every item exactly once', () => {
    for (const seed of [0, 1, 42, 2 ** 31 - 1, 2 ** 32 - 1]) expect([...drawAssessment(items, seed)].sort()).toEqual([...ids].sort());
  });

  it('draws a subset as the start of the same order', () => {
    const all = drawAssessment(items, 777);
    expect(drawAssessment(items, 777, 5)).toEqual(all.slice(0, 5));
    expect(drawAssessment(items, 777, 0)).toEqual([]);
    expect(drawAssessment(items, 777, 50)).toEqual(all);
  });

  it('does not change the items it is given', () => {
    const copy = items.map((i) => ({ ...i }));
    drawAssessment(items, 99);
    expect(items).toEqual(copy);
  });

  it('puts each item first about equally often over many seeds', () => {
    const firsts = new Map<string, number>();
    for (let seed = 0; seed < 4000; seed++) {
      const first = drawAssessment(items.slice(0, 4), seed)[0];
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const count of firsts.values()) expect(count).toBeGreaterThan(800);
  });

  it('has a seeded generator that stays between 0 and 1', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 1000; i++) {
      const v = random();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});

describe('the assessment score', () => {
  it('is the share of right answers as a whole percentage', () => {
    expect(scorePercent([true, true, false])).toBe(67);
    expect(scorePercent([true, false, false])).toBe(33);
    expect(scorePercent([true, true, true, true])).toBe(100);
    expect(scorePercent([false])).toBe(0);
  });

  it('is 0 with no items', () => {
    expect(scorePercent([])).toBe(0);
  });

  it('passes at the mastery score itself, not below', () => {
    expect(isPassed(80, 80)).toBe(true);
    expect(isPassed(79, 80)).toBe(false);
    expect(isPassed(100, 80)).toBe(true);
  });
});

describe('retakes', () => {
  it('are allowed while attempts used are fewer than attempts allowed', () => {
    expect(canRetake(1, 3)).toBe(true);
    expect(canRetake(2, 3)).toBe(true);
    expect(canRetake(3, 3)).toBe(false);
  });

  it('are unlimited when attempts allowed is 0', () => {
    expect(canRetake(1, 0)).toBe(true);
    expect(canRetake(500, 0)).toBe(true);
  });
});
