// The suspend_data codec: it round-trips, stays small, never throws on garbage, and tells an old
// or foreign state apart so the learner starts safely and is told why.
import { describe, expect, it } from 'vitest';
import { courseShapeOf } from '../../../src/learner/course-shape';
import { decodeState, encodeState } from '../../../src/learner/state-codec';
import { emptyState, type LearnerState } from '../../../src/learner/learner-state';
import { worstCaseEncodedLength, worstCaseState } from '../../../src/learner/state-budget';
import type { CourseOutline, ItemOutline } from '../../../src/content/types';
import { seededRandom } from '../../../src/quiz/assessment';
import type { Response } from '../../../src/quiz/response';

function outline(id = 'course-a', extraPage = false): CourseOutline {
  const items: ItemOutline[] = [
    { id: 'i-single', type: 'single', choiceIds: ['a', 'b', 'c', 'd', 'e'], groupIds: [] },
    { id: 'i-multi', type: 'multiple', choiceIds: ['a', 'b', 'c', 'd', 'e'], groupIds: [] },
    { id: 'i-tf', type: 'truefalse', choiceIds: [], groupIds: [] },
    { id: 'i-sort', type: 'sort', choiceIds: Array.from({ length: 12 }, (_, i) => `s${i}`), groupIds: ['can', 'cannot'] },
    { id: 'i-match', type: 'match', choiceIds: ['m1', 'm2', 'm3', 'm4'], groupIds: ['t1', 't2', 't3', 't4'] },
    { id: 'i-reflect', type: 'reflection', choiceIds: [], groupIds: [] },
    { id: 'i-survey', type: 'survey', choiceIds: ['1', '2', '3', '4', '5'], groupIds: [] },
  ];
  const pages = Array.from({ length: extraPage ? 61 : 60 }, (_, i) => ({ id: `p${i}`, title: `P${i}`, sections: [] }));
  return {
    lang: 'en', id, iri: 'https://example.org/c', version: '1', title: 'T', description: 'D', masteryScore: 80, attemptsAllowed: 3, estimatedMinutes: 60,
    cme: { creditHours: 1, creditType: '', statement: '', provider: '', releaseDate: '', reviewDate: '', expiryDate: '' },
    privacy: { sendReflectionsToLms: false }, xapi: { endpoint: null, accountHomePage: '', sendReflectionText: false },
    modules: [{ slug: 'm', title: 'M', assessment: false, objectives: [], pages, items }], coursePages: [], logo: null, ui: {}, scorm2004: { textBytes: null, brief: false },
  };
}

const shape = courseShapeOf(outline());

function randomState(seed: number): LearnerState {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const s = emptyState(shape);
  s.bookmark = Math.floor(rnd() * shape.pageIds.length);
  s.visited = shape.pageIds.map(() => rnd() < 0.5);
  const responseFor = (item: ItemOutline): Response | null => {
    switch (item.type) {
      case 'single': return { type: 'single', optionId: pick(item.choiceIds) };
      case 'multiple': return { type: 'multiple', optionIds: item.choiceIds.filter(() => rnd() < 0.5) };
      case 'truefalse': return { type: 'truefalse', value: rnd() < 0.5 };
      case 'sort': case 'match': return { type: item.type, placements: Object.fromEntries(item.choiceIds.filter(() => rnd() < 0.8).map((c) => [c, pick(item.groupIds)])) };
      default: return null;
    }
  };
  for (const item of shape.items) {
    const r = responseFor(item);
    if (r && rnd() < 0.8) s.answers[item.id] = { response: r, correct: rnd() < 0.5, tries: 1 + Math.floor(rnd() * 5) };
    if (r && rnd() < 0.5) s.assessment.responses[item.id] = r;
  }
  s.survey['i-survey'] = pick(['1', '2', '3', '4', '5']);
  s.assessment.attempt = 1 + Math.floor(rnd() * 3);
  s.assessment.seed = Math.floor(rnd() * 2 ** 31);
  s.assessment.submitted = rnd() < 0.5;
  s.assessment.lastScore = s.assessment.submitted ? Math.floor(rnd() * 101) : null;
  s.attestedMinutes = rnd() < 0.5 ? Math.floor(rnd() * 200) : null;
  s.passed = rnd() < 0.3 ? null : rnd() < 0.5;
  s.completed = s.passed !== null;
  s.score = s.passed === null ? null : Math.floor(rnd() * 101);
  s.completedOn = s.passed ? 20_000 + Math.floor(rnd() * 1000) : null;
  s.elapsedSeconds = Math.floor(rnd() * 20_000);
  return s;
}

describe('the suspend_data codec', () => {
  it('round-trips an empty state', () => {
    const text = encodeState(emptyState(shape), shape);
    expect(decodeState(text, shape)).toEqual({ ok: true, state: emptyState(shape) });
  });

  it('round-trips many random states exactly', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const state = randomState(seed);
      const decoded = decodeState(encodeState(state, shape), shape);
      expect(decoded).toEqual({ ok: true, state });
    }
  });

  it('writes only characters no LMS mangles', () => {
    for (let seed = 1; seed <= 50; seed++) expect(encodeState(randomState(seed), shape)).toMatch(/^[0-9A-Za-z.,~_-]+$/);
  });

  it('keeps the worst case an upper bound of every real state, and under 4096 characters here', () => {
    const worst = worstCaseEncodedLength(shape);
    for (let seed = 1; seed <= 300; seed++) expect(encodeState(randomState(seed), shape).length).toBeLessThanOrEqual(worst);
    expect(worst).toBeLessThan(4096);
    expect(decodeState(encodeState(worstCaseState(shape), shape), shape).ok).toBe(true);
  });

  it('never throws on garbage, and calls it corrupt', () => {
    const good = encodeState(randomState(9), shape);
    const samples = ['undefined', 'null', '{}', '%%%', '~~~~~~~~', 'B1', 'B1.x.y~', '\u0000\uffff', good.slice(0, good.length / 2), good.replace(/~/g, '!'), good.replace(/,/, ',zz-9-19,')];
    const rnd = seededRandom(3);
    for (let i = 0; i < 500; i++) samples.push(Array.from({ length: Math.floor(rnd() * 80) }, () => String.fromCharCode(32 + Math.floor(rnd() * 95))).join(''));
    for (const text of samples) {
      const result = decodeState(text, shape);
      expect(result.ok === false || text === good).toBe(true);
      if (!result.ok) expect(['corrupt', 'old-version', 'other-course', 'empty']).toContain(result.reason);
    }
  });

  it('reports an empty saved state as empty', () => {
    expect(decodeState('', shape)).toEqual({ ok: false, reason: 'empty' });
    expect(decodeState(null, shape)).toEqual({ ok: false, reason: 'empty' });
  });

  it('recognises a state from an older version of the course', () => {
    const text = encodeState(randomState(4), courseShapeOf(outline('course-a', true)));
    expect(decodeState(text, shape)).toEqual({ ok: false, reason: 'old-version' });
    const sameCourseOldCodec = encodeState(emptyState(shape), shape).replace(/^B1/, 'B0');
    expect(decodeState(sameCourseOldCodec, shape)).toEqual({ ok: false, reason: 'old-version' });
  });

  it('recognises a state from another course', () => {
    const text = encodeState(emptyState(courseShapeOf(outline('course-b'))), courseShapeOf(outline('course-b')));
    expect(decodeState(text, shape)).toEqual({ ok: false, reason: 'other-course' });
  });
});
