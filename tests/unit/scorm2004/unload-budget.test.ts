// What SCORM 2004 may set so that a whole attempt fits the post Moodle makes as the learner leaves
// (src/scorm2004/unload-budget.ts). The real Moodle showed the limit (npm run test:lms:
// Terminate answered false / 101 after the whole course); the price of a post is checked against
// Chromium's own FormData in tests/e2e/moodle-model.test.ts.
import { describe, expect, it } from 'vitest';
import { LANGS, isScored, type Lang } from '../../../src/content/types';
import { MIN_TEXT_BYTES, fits, unloadBudget } from '../../../src/scorm2004/unload-budget';
import { toReflectionInteraction } from '../../../src/scorm/interaction';
import { fitUtf8 } from '../../../src/scorm/lms-text';
import { loadCourse } from '../../../build/content/load';
import { resolveCourse, type ResolvedCourse } from '../../../build/content/resolve';
import { checkResolved } from '../../../build/content/course-checks';
import { formatProblem } from '../../../build/content/problems';
import { courseContent } from '../../../build/harness/course-content';
import { ROOT } from '../../../build/harness/paths';
import { scorm2004Dialect } from '../../../src/scorm2004/dialect';

const budgetOf = (c: ResolvedCourse, sendReflectionsToLms = c.outline.privacy.sendReflectionsToLms) =>
  unloadBudget({ id: c.outline.id, privacy: { sendReflectionsToLms }, modules: c.modules });

describe('the SCORM 2004 unload budget of the real course', () => {
  it.each(LANGS)('%s: the largest attempt fits with question text and time, and the comment keeps its 4000 characters', (lang) => {
    const c = courseContent(lang as Lang);
    const b = budgetOf(c);
    expect(fits(b)).toBe(true);
    expect(b.fixedBytes).toBeLessThan(b.limitBytes);
    expect(b).toMatchObject({ brief: false, textBytes: null });
    expect(c.outline.scorm2004).toEqual({ brief: false, textBytes: null });
  });

  it.each(LANGS)('%s: with reflections shared, interactions go brief and each text keeps a fair share', (lang) => {
    const b = budgetOf(courseContent(lang as Lang), true);
    expect(fits(b)).toBe(true);
    expect(b.brief).toBe(true);
    expect(b.textBytes!).toBeGreaterThanOrEqual(MIN_TEXT_BYTES);
    expect(b.fixedBytes + b.texts * b.textBytes!).toBeLessThanOrEqual(b.limitBytes);
  });
});

describe('a course too large for it', () => {
  it('stops the build at the assessment quiz file, saying how large the attempt would be', () => {
    const loaded = loadCourse(ROOT);
    const resolved = new Map(LANGS.map((lang) => [lang, resolveCourse(loaded, lang)] as const));
    const en = resolved.get('en')!;
    // Three copies of every assessment item: about three times the interactions.
    const assessment = en.modules.find((m) => m.slug === 'assessment')!;
    const scored = assessment.items.filter(isScored);
    assessment.items = [...assessment.items, ...[1, 2].flatMap((n) => scored.map((i) => ({ ...i, id: `${i.id}-copy-${n}` })))];
    expect(fits(budgetOf(en))).toBe(false);
    const problems = checkResolved(loaded, resolved).map((p) => formatProblem(p, ROOT));
    expect(problems).toEqual([expect.stringMatching(/^modules\/assessment\/quiz\.json:1: \(en\) a learner's whole SCORM 2004 attempt would take \d+ bytes/)]);
  });
});

describe('free text cut to a number of bytes', () => {
  it('never splits a character, and says when it cut', () => {
    expect(fitUtf8('perché sì', 100)).toEqual({ text: 'perché sì', truncated: false });
    // "è" is two bytes: five bytes hold "perch" and no half of it.
    expect(fitUtf8('perché', 6)).toEqual({ text: 'perch', truncated: true });
    expect(fitUtf8('ok 👍 fine', 5)).toEqual({ text: 'ok ', truncated: true });
  });

  it('a shared reflection longer than its share is cut, and the learner is told', () => {
    const reflection = { id: 'r', type: 'reflection', prompt: 'What did you notice?' } as const;
    const r = toReflectionInteraction(reflection as never, 'È stato difficile. '.repeat(100), scorm2004Dialect.responses, 300);
    expect(new TextEncoder().encode(r.learnerResponse).length).toBeLessThanOrEqual(300);
    expect(r.truncated).toBe(true);
    expect(toReflectionInteraction(reflection as never, 'Short.', scorm2004Dialect.responses, 300)).toMatchObject({ learnerResponse: 'Short.', truncated: false });
  });
});

describe('SCORM 2004 interaction fields', () => {
  const answer = { id: 'final-q1', type: 'choice', learnerResponse: 'b', correctPattern: 'a', result: 'incorrect', description: 'Which one?', timestamp: new Date(2026, 11, 3, 9, 5, 7) } as const;
  const fields = (pairs: [string, string][]) => pairs.map(([e]) => e.replace('cmi.interactions.4.', ''));

  it('carry question text and time, and a latency only when one was measured', () => {
    expect(fields(scorm2004Dialect.interactionValues(4, { ...answer, latencySeconds: 0 }))).toEqual(['id', 'type', 'timestamp', 'description', 'correct_responses.0.pattern', 'learner_response', 'result']);
    expect(scorm2004Dialect.interactionValues(4, { ...answer, latencySeconds: 12.5 })).toContainEqual(['cmi.interactions.4.latency', 'PT12.5S']);
  });

  it('brief: without question text and time', () => {
    expect(fields(scorm2004Dialect.interactionValues(4, { ...answer, latencySeconds: 0, brief: true }))).toEqual(['id', 'type', 'correct_responses.0.pattern', 'learner_response', 'result']);
  });
});
