import { describe, expect, it } from 'vitest';
import { indexForKey, stepBy } from '../../../src/interactive/step-keys';

describe('stepping through a sequence', () => {
  it('moves forward and back by one', () => {
    expect(stepBy(2, 1, 5)).toBe(3);
    expect(stepBy(2, -1, 5)).toBe(1);
  });

  it('stays on the first and last item instead of leaving the sequence', () => {
    expect(stepBy(0, -1, 5)).toBe(0);
    expect(stepBy(4, 1, 5)).toBe(4);
    expect(stepBy(9, 0, 5)).toBe(4);
  });

  it('stays at zero for an empty sequence', () => {
    expect(stepBy(0, 1, 0)).toBe(0);
  });

  it('maps arrow keys, Home and End as an extra to the buttons', () => {
    expect(indexForKey('ArrowRight', 1, 4)).toBe(2);
    expect(indexForKey('ArrowDown', 3, 4)).toBe(3);
    expect(indexForKey('ArrowLeft', 1, 4)).toBe(0);
    expect(indexForKey('ArrowUp', 0, 4)).toBe(0);
    expect(indexForKey('Home', 3, 4)).toBe(0);
    expect(indexForKey('End', 0, 4)).toBe(3);
  });

  it('leaves Tab, Enter and Space to the browser', () => {
    expect(indexForKey('Tab', 1, 4)).toBeNull();
    expect(indexForKey('Enter', 1, 4)).toBeNull();
    expect(indexForKey(' ', 1, 4)).toBeNull();
  });
});
