// ISO 8601 durations as SCORM 2004 and xAPI write them.
import { describe, expect, it } from 'vitest';
import { isoDuration } from '../../../src/time/duration';

describe('an ISO 8601 duration', () => {
  it('names only the parts it has, to the hundredth of a second', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
  });

  it('is never negative', () => {
    expect(isoDuration(-500)).toBe('PT0S');
  });
});
