// SCORM 1.2's CMITimespan, the one format its session_time and latency take.
import { describe, expect, it } from 'vitest';
import { cmiTimespan } from '../../../src/scorm12/timespan';

describe('a CMITimespan', () => {
  it('is HHHH:MM:SS.SS', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00');
    expect(cmiTimespan(12.5)).toBe('0000:00:12.50');
    expect(cmiTimespan(3723.456)).toBe('0001:02:03.46');
  });

  it('stops at 9999 hours, the most four digits hold', () => {
    expect(cmiTimespan(10_000 * 3600)).toMatch(/^9999:/);
  });
});
