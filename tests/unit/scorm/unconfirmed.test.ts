// The values of commits an LMS did not confirm, kept to be sent again at the next launch
// (src/scorm/unconfirmed.ts); the whole story runs in tests/e2e/moodle-model.test.ts
// and, in the real Moodle, in tests/lms/moodle-scorm.test.ts.
import { describe, expect, it } from 'vitest';
import { remember, renumber, supersede } from '../../../src/scorm/unconfirmed';
import type { Pair } from '../../../src/scorm/dialect';

const failed: Pair[] = [
  ['cmi.interactions.3.id', 'origins-q1'], ['cmi.interactions.3.result', 'correct'],
  ['cmi.objectives.1.id', 'origins'], ['cmi.objectives.1.score.raw', '20'],
  ['cmi.core.lesson_location', 'origins-quiz'], ['cmi.suspend_data', 'AbC'],
];

describe('unconfirmed commits', () => {
  it('keep what is to be sent again, not the bookmark and state (the backup carries those)', () => {
    const groups = remember([], failed, new Set(['cmi.core.lesson_location', 'cmi.suspend_data']));
    expect(groups).toEqual([failed.slice(0, 4)]);
    expect(remember(groups, [['cmi.suspend_data', 'x']], new Set(['cmi.suspend_data']))).toBe(groups);
  });

  it('drop a value a confirmed commit changed, and keep one it set again unchanged (Moodle would not post it)', () => {
    const groups = [failed.slice(0, 4)];
    expect(supersede(groups, [['cmi.objectives.1.score.raw', '40']])).toEqual([failed.slice(0, 3)]);
    expect(supersede(groups, [['cmi.objectives.1.score.raw', '20']])).toEqual(groups);
    expect(supersede([[['cmi.core.score.raw', '50']]], [['cmi.core.score.raw', '90']])).toEqual([]);
  });

  it('move to the indexes the LMS has now, found by id', () => {
    const at = (table: Record<string, number>) => (id: string) => table[id];
    expect(renumber(failed.slice(0, 4), at({ 'origins-q1': 7 }), at({ origins: 0 }))).toEqual([
      ['cmi.interactions.7.id', 'origins-q1'], ['cmi.interactions.7.result', 'correct'],
      ['cmi.objectives.0.id', 'origins'], ['cmi.objectives.0.score.raw', '20'],
    ]);
  });

  it('leave out an interaction whose id is missing: the LMS would refuse its other fields', () => {
    expect(renumber([['cmi.interactions.2.result', 'correct'], ['cmi.core.lesson_status', 'passed']], () => 0, () => 0)).toEqual([['cmi.core.lesson_status', 'passed']]);
  });
});
