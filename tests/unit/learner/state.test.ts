// The suspend_data codec: a state comes back exactly, stays within SCORM 1.2's 4096 characters
// (the worst case is a true upper bound), never throws on anything an LMS might hand back, and
// tells a state of an older course version or of another course apart.
import { describe, expect, it } from 'vitest';
import type { CourseData, CourseOutline, ItemOutline, Module, ModuleOutline, QuizItem } from '../../../src/content/types';
import { drawAssessment, seededRandom } from '../../../src/quiz/assessment';
import type { Response } from '../../../src/quiz/response';
import { courseShapeOf, type CourseShape } from '../../../src/learner/course-shape';
import { decodeState, encodeState } from '../../../src/learner/state-codec';
import { STATE_LIMITS, emptyState, type LearnerState } from '../../../src/learner/learner-state';
import { worstCaseEncodedLength, worstCaseState } from '../../../src/learner/state-budget';

// ---- Courses to encode for ----

const pagesOf = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, title: `Page ${i}`, sections: [] }));
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

function outline(id: string, modules: { slug: string; pages: number; items: ItemOutline[] }[]): CourseOutline {
  return {
    lang: 'en', id, iri: `https://example.org/${id}`, version: '1.0.0', title: 'T', description: 'D', masteryScore: 80, attemptsAllowed: 3, estimatedMinutes: 60,
    cme: { creditHours: 1, creditType: '', statement: '', provider: '', releaseDate: '', reviewDate: '', expiryDate: '' },
    privacy: { sendReflectionsToLms: false }, xapi: { endpoint: null, accountHomePage: '', sendReflectionText: false },
    modules: modules.map((m): ModuleOutline => ({ slug: m.slug, title: m.slug, assessment: false, objectives: [], pages: pagesOf(m.slug, m.pages), items: m.items })),
    coursePages: [], logo: null, ui: {}, scorm2004: { textBytes: null, brief: false },
  };
}

const smallItems: ItemOutline[] = [
  { id: 'q-single', type: 'single', choiceIds: ['a', 'b', 'c', 'd'], groupIds: [] },
  { id: 'q-multiple', type: 'multiple', choiceIds: ['a', 'b', 'c', 'd', 'e'], groupIds: [] },
  { id: 'q-tf', type: 'truefalse', choiceIds: [], groupIds: [] },
  { id: 'q-sort', type: 'sort', choiceIds: ids('s', 6), groupIds: ['can', 'cannot'] },
  { id: 'q-match', type: 'match', choiceIds: ids('m', 4), groupIds: ['balint', 'therapy', 'cbd'] },
  { id: 'q-reflect', type: 'reflection', choiceIds: [], groupIds: [] },
  { id: 'eval-useful', type: 'survey', choiceIds: ['1', '2', '3', '4', '5'], groupIds: [] },
  { id: 'eval-comment', type: 'survey', choiceIds: [], groupIds: [] },
];
const small = (id = 'balint-course', pages = 6, items = smallItems) => courseShapeOf(outline(id, [{ slug: 'premises', pages, items }]));
const shape = small();

/** The course the build must budget for: 60 pages, 60 module items and a 20-item assessment of
 *  mixed types (up to 5 options, 12 statements), 6 survey questions. */
function largeCourse(): CourseShape {
  const types = ['single', 'multiple', 'truefalse', 'sort', 'match'] as const;
  const scored = (prefix: string, count: number): ItemOutline[] => Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length];
    const id = `${prefix}-${i}`;
    if (type === 'single' || type === 'multiple') return { id, type, choiceIds: ['a', 'b', 'c', 'd', 'e'], groupIds: [] };
    if (type === 'truefalse') return { id, type, choiceIds: [], groupIds: [] };
    if (type === 'sort') return { id, type, choiceIds: ids('s', 12), groupIds: ['can', 'cannot', 'sometimes', 'never'] };
    return { id, type, choiceIds: ids('m', 12), groupIds: ids('t', 6) };
  });
  const survey: ItemOutline[] = Array.from({ length: 6 }, (_, i) => ({ id: `eval-${i}`, type: 'survey', choiceIds: i < 5 ? ['1', '2', '3', '4', '5'] : [], groupIds: [] }));
  const modules = Array.from({ length: 6 }, (_, m) => ({ slug: `module-${m}`, pages: 10, items: scored(`module-${m}-q`, 10) }));
  modules.push({ slug: 'assessment', pages: 0, items: scored('final', 20) }, { slug: 'evaluation', pages: 0, items: survey });
  return courseShapeOf(outline('balint-course', modules));
}

// ---- States to encode ----

type Random = () => number;
const pick = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const upTo = (rnd: Random, max: number) => Math.floor(rnd() * (max + 1));

function randomShape(rnd: Random, id = 'random-course'): CourseShape {
  const types = ['single', 'multiple', 'truefalse', 'sort', 'match', 'reflection', 'survey'] as const;
  const items: ItemOutline[] = Array.from({ length: upTo(rnd, 30) }, (_, i) => {
    const type = pick(rnd, types);
    const id = `item-${i}`;
    if (type === 'single' || type === 'multiple') return { id, type, choiceIds: ids('o', 1 + upTo(rnd, 7)), groupIds: [] };
    if (type === 'sort' || type === 'match') return { id, type, choiceIds: ids('e', 1 + upTo(rnd, 11)), groupIds: ids('g', 1 + upTo(rnd, 5)) };
    if (type === 'survey') return { id, type, choiceIds: ids('p', upTo(rnd, 7)), groupIds: [] };
    return { id, type, choiceIds: [], groupIds: [] };
  });
  return courseShapeOf(outline(id, [{ slug: 'm', pages: upTo(rnd, 80), items }]));
}

function randomResponse(rnd: Random, item: ItemOutline, full: boolean): Response | null {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: pick(rnd, item.choiceIds) };
    case 'multiple':
      return { type: 'multiple', optionIds: item.choiceIds.filter(() => rnd() < 0.5) };
    case 'truefalse':
      return { type: 'truefalse', value: rnd() < 0.5 };
    case 'sort':
    case 'match':
      return { type: item.type, placements: Object.fromEntries(item.choiceIds.filter(() => full || rnd() < 0.7).map((id) => [id, pick(rnd, item.groupIds)])) };
    default:
      return null;
  }
}

/** A valid state with each part present at random, or (`full`) every part present. */
function randomState(rnd: Random, s: CourseShape, full = false): LearnerState {
  const present = () => full || rnd() < 0.6;
  const state = emptyState(s, upTo(rnd, 2 ** 32 - 1));
  state.bookmark = upTo(rnd, Math.max(0, s.pageIds.length - 1));
  state.visited = s.pageIds.map(() => full || rnd() < 0.5);
  for (const item of s.items) {
    const answer = randomResponse(rnd, item, full);
    if (answer && present()) state.answers[item.id] = { response: answer, correct: rnd() < 0.5, tries: upTo(rnd, STATE_LIMITS.tries) };
    const draft = randomResponse(rnd, item, full);
    if (draft && present()) state.assessment.responses[item.id] = draft;
    if (item.type === 'survey' && item.choiceIds.length && present()) state.survey[item.id] = pick(rnd, item.choiceIds);
  }
  state.assessment.attempt = 1 + upTo(rnd, full ? STATE_LIMITS.attempt - 1 : 5);
  state.assessment.submitted = rnd() < 0.5;
  state.assessment.lastScore = present() ? upTo(rnd, 100) : null;
  state.attestedMinutes = present() ? upTo(rnd, STATE_LIMITS.attestedMinutes) : null;
  state.completed = rnd() < 0.5;
  state.passed = pick(rnd, [null, true, false]);
  state.score = present() ? upTo(rnd, 100) : null;
  state.completedOn = present() ? upTo(rnd, STATE_LIMITS.completedOn) : null;
  state.elapsedSeconds = upTo(rnd, full ? STATE_LIMITS.elapsedSeconds : 200_000);
  return state;
}

const roundTrip = (state: LearnerState, s: CourseShape = shape) => decodeState(encodeState(state, s), s);

// ---- The tests ----

describe('a saved state comes back as it was saved', () => {
  it('an empty state comes back empty', () => {
    expect(roundTrip(emptyState(shape))).toEqual({ ok: true, state: emptyState(shape) });
  });

  it('random states of random courses come back exactly', () => {
    const rnd = seededRandom(2024);
    for (let n = 0; n < 300; n++) {
      const s = randomShape(rnd);
      const state = randomState(rnd, s, n % 3 === 0);
      expect(roundTrip(state, s)).toEqual({ ok: true, state });
    }
  });

  it('a sort answer with statements left unplaced comes back with the same ones unplaced', () => {
    const state = emptyState(shape);
    state.assessment.responses['q-sort'] = { type: 'sort', placements: { s0: 'cannot', s4: 'can' } };
    expect(roundTrip(state)).toEqual({ ok: true, state });
  });

  it('a multiple answer comes back in the item’s order', () => {
    const state = emptyState(shape);
    state.answers['q-multiple'] = { response: { type: 'multiple', optionIds: ['e', 'a', 'c'] }, correct: false, tries: 2 };
    const decoded = roundTrip(state);
    expect(decoded.ok && decoded.state.answers['q-multiple'].response).toEqual({ type: 'multiple', optionIds: ['a', 'c', 'e'] });
  });

  it('the seed comes back as the assessment order reads it, so the attempt keeps its order', () => {
    const state = emptyState(shape, -5);
    const decoded = roundTrip(state);
    if (!decoded.ok) throw new Error('did not decode');
    expect(decoded.state.assessment.seed).toBe(-5 >>> 0);
    expect(drawAssessment(smallItems, decoded.state.assessment.seed)).toEqual(drawAssessment(smallItems, -5));
  });

  it('an empty state is the same each time unless given a seed', () => {
    expect(emptyState(shape)).toEqual(emptyState(shape));
    expect(emptyState(shape, 99).assessment.seed).toBe(99);
    expect(emptyState(shape).visited).toEqual([false, false, false, false, false, false]);
  });
});

describe('what the codec leaves out or limits', () => {
  it('numbers beyond the limits are saved as the limits; negative or broken numbers as 0', () => {
    const state = emptyState(shape);
    state.answers['q-tf'] = { response: { type: 'truefalse', value: true }, correct: true, tries: 40 };
    state.elapsedSeconds = 1e15;
    state.score = 150;
    state.assessment.lastScore = 99.6;
    state.assessment.attempt = -3;
    state.attestedMinutes = Number.NaN;
    state.bookmark = 999;
    const decoded = roundTrip(state);
    if (!decoded.ok) throw new Error('did not decode');
    expect(decoded.state.answers['q-tf'].tries).toBe(STATE_LIMITS.tries);
    expect(decoded.state.elapsedSeconds).toBe(STATE_LIMITS.elapsedSeconds);
    expect(decoded.state.score).toBe(100);
    expect(decoded.state.assessment.lastScore).toBe(100);
    expect(decoded.state.assessment.attempt).toBe(0);
    expect(decoded.state.attestedMinutes).toBe(0);
    expect(decoded.state.bookmark).toBe(5);
  });

  it('answers the course no longer has are dropped: unknown items, options, types and groups', () => {
    const state = emptyState(shape);
    state.answers['gone-item'] = { response: { type: 'single', optionId: 'a' }, correct: true, tries: 1 };
    state.answers['q-single'] = { response: { type: 'single', optionId: 'z' }, correct: true, tries: 1 };
    state.answers['q-tf'] = { response: { type: 'single', optionId: 'a' }, correct: true, tries: 1 };
    state.assessment.responses['q-match'] = { type: 'match', placements: { m0: 'balint', m1: 'gone-target', m9: 'cbd' } };
    state.survey['eval-useful'] = '9';
    const decoded = roundTrip(state);
    if (!decoded.ok) throw new Error('did not decode');
    expect(decoded.state.answers).toEqual({});
    expect(decoded.state.assessment.responses).toEqual({ 'q-match': { type: 'match', placements: { m0: 'balint' } } });
    expect(decoded.state.survey).toEqual({});
  });

  it('free comments and reflection text never reach the saved state', () => {
    const state = emptyState(shape);
    state.survey['eval-comment'] = 'My patient Mrs Rossi, 54, from Pavia';
    state.survey['q-reflect'] = 'I felt angry';
    (state as unknown as Record<string, unknown>).reflections = { 'q-reflect': 'I felt angry with Mrs Rossi' };
    const text = encodeState(state, shape);
    expect(text).toBe(encodeState(emptyState(shape), shape));
    expect(text).not.toMatch(/Rossi|angry/);
  });

  it('writes only letters, digits, dot, hyphen and underscore: nothing an LMS escapes', () => {
    const rnd = seededRandom(7);
    for (let n = 0; n < 100; n++) {
      const s = randomShape(rnd);
      expect(encodeState(randomState(rnd, s, n % 2 === 0), s)).toMatch(/^[A-Za-z0-9._-]+$/);
    }
  });

  it('a state that is not quite a LearnerState still encodes without throwing', () => {
    const odd = { bookmark: undefined, visited: null, answers: { 'q-single': null }, assessment: undefined, survey: null } as unknown as LearnerState;
    expect(decodeState(encodeState(odd, shape), shape).ok).toBe(true);
  });
});

describe('the worst case', () => {
  it('is an upper bound of every state of the course', () => {
    const rnd = seededRandom(99);
    for (let n = 0; n < 60; n++) {
      const s = randomShape(rnd);
      const worst = worstCaseEncodedLength(s);
      for (let k = 0; k < 25; k++) expect(encodeState(randomState(rnd, s, k % 2 === 0), s).length).toBeLessThanOrEqual(worst);
    }
  });

  it('stays an upper bound when numbers run past their limits', () => {
    const state = worstCaseState(shape);
    state.elapsedSeconds = Number.MAX_SAFE_INTEGER;
    state.assessment.attempt = 1e9;
    state.attestedMinutes = 1e12;
    state.completedOn = 1e12;
    expect(encodeState(state, shape).length).toBeLessThanOrEqual(worstCaseEncodedLength(shape));
  });

  it('itself decodes', () => {
    expect(decodeState(encodeState(worstCaseState(shape), shape), shape).ok).toBe(true);
  });

  it('of 60 pages, 80 scored items and 6 survey questions is far below SCORM 1.2’s 4096 characters', () => {
    const large = largeCourse();
    expect(large.pageIds).toHaveLength(60);
    expect(worstCaseEncodedLength(large)).toBeLessThan(1000);
  });

  it('of a fresh learner in that course is under a hundred characters', () => {
    const large = largeCourse();
    expect(encodeState(emptyState(large), large).length).toBeLessThan(100);
  });
});

describe('the course shape', () => {
  const option = (id: string, correct = false) => ({ id, text: id, correct, feedback: '' });
  const items = (lang: 'en' | 'it'): QuizItem[] => [
    { id: 'q-single', type: 'single', teaches: 's', prompt: lang, options: [option('a'), option('b', true)] },
    { id: 'q-tf', type: 'truefalse', teaches: 's', prompt: lang, labels: { true: lang, false: lang }, answer: true, feedback: { true: lang, false: lang } },
    { id: 'q-sort', type: 'sort', teaches: 's', prompt: lang, categories: [{ id: 'can', text: lang }], statements: [{ id: 's1', text: lang, category: 'can', feedback: '' }] },
    { id: 'q-match', type: 'match', teaches: 's', prompt: lang, targets: [{ id: 't1', text: lang }], sources: [{ id: 'm1', text: lang, target: 't1', feedback: '' }] },
    { id: 'q-reflect', type: 'reflection', teaches: 's', prompt: lang, hint: lang },
    { id: 'eval', type: 'survey', teaches: 's', prompt: lang, scale: [{ id: '1', text: lang }, { id: '2', text: lang }] },
  ];
  const content = (lang: 'en' | 'it', version = '1.0.0'): CourseData => {
    const o = outline('balint-course', []);
    const module: Module = { slug: 'premises', title: lang, objectives: [], pages: pagesOf('premises', 3).map((p) => ({ ...p, blocks: [] })), items: items(lang), wordCount: 0 };
    return { ...o, lang, version, cme: { ...o.cme }, modules: [module], coursePages: [] };
  };

  it('is the same from full content and from the first-page outline', () => {
    const fromContent = courseShapeOf(content('en'));
    const fromOutline = courseShapeOf(outline('balint-course', [{
      slug: 'premises', pages: 3,
      items: [
        { id: 'q-single', type: 'single', choiceIds: ['a', 'b'], groupIds: [] },
        { id: 'q-tf', type: 'truefalse', choiceIds: [], groupIds: [] },
        { id: 'q-sort', type: 'sort', choiceIds: ['s1'], groupIds: ['can'] },
        { id: 'q-match', type: 'match', choiceIds: ['m1'], groupIds: ['t1'] },
        { id: 'q-reflect', type: 'reflection', choiceIds: [], groupIds: [] },
        { id: 'eval', type: 'survey', choiceIds: ['1', '2'], groupIds: [] },
      ],
    }]));
    expect(fromContent).toEqual(fromOutline);
  });

  it('does not change with the language or the version number, so a learner keeps their state', () => {
    expect(courseShapeOf(content('it', '1.0.1'))).toEqual(courseShapeOf(content('en', '1.0.0')));
  });

  it('lists pages and items in course order', () => {
    expect(shape.pageIds).toEqual(['premises-0', 'premises-1', 'premises-2', 'premises-3', 'premises-4', 'premises-5']);
    expect(shape.items.map((i) => i.id)).toEqual(smallItems.map((i) => i.id));
  });
});

describe('reading back what an LMS hands over', () => {
  it('nothing saved is empty, including the words some LMSs return for it', () => {
    for (const text of ['', '   ', null, undefined, 'null', 'undefined']) expect(decodeState(text, shape)).toEqual({ ok: false, reason: 'empty' });
  });

  it('garbage is corrupt, never an exception', () => {
    const samples: unknown[] = ['{}', '[]', '%%%', 'true', '0', 'B', 'B1', 'B1.', 'B1.AAAA', '"B1.x"', '<xml/>', '\u0000\uffff', '😀'.repeat(20), 'B1.' + 'A'.repeat(4000), 42, {}, [], true];
    const rnd = seededRandom(3);
    const alphabets = [
      Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join(''),
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.',
    ];
    for (let n = 0; n < 2000; n++) {
      const chars = pick(rnd, alphabets);
      const text = Array.from({ length: upTo(rnd, 120) }, () => pick(rnd, [...chars])).join('');
      samples.push(rnd() < 0.5 ? `B1.${text}` : text);
    }
    for (const text of samples) {
      const result = decodeState(text as string, shape);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['empty', 'corrupt', 'old-version']).toContain(result.reason);
    }
  });

  it('every cut-short copy of a state is noticed', () => {
    const text = encodeState(randomState(seededRandom(5), shape, true), shape);
    for (let length = 0; length < text.length; length++) {
      const result = decodeState(text.slice(0, length), shape);
      expect(result).toEqual({ ok: false, reason: length === 0 ? 'empty' : 'corrupt' });
    }
  });

  it('every single changed character is noticed', () => {
    const text = encodeState(randomState(seededRandom(6), shape, true), shape);
    for (let i = 0; i < text.length; i++) {
      for (const c of ['A', 'z', '0', '_']) {
        if (text[i] === c) continue;
        expect(decodeState(text.slice(0, i) + c + text.slice(i + 1), shape).ok).toBe(false);
      }
    }
  });

  it('surrounding white space an LMS may add is ignored', () => {
    const state = randomState(seededRandom(8), shape);
    expect(decodeState(`  ${encodeState(state, shape)}\n`, shape)).toEqual({ ok: true, state });
  });
});

describe('a state that does not belong to this course', () => {
  const state = randomState(seededRandom(11), shape, true);

  it('from a version of the course with another page is old-version', () => {
    expect(decodeState(encodeState(state, shape), small('balint-course', 7))).toEqual({ ok: false, reason: 'old-version' });
  });

  it('from a version whose options were reordered is old-version', () => {
    const reordered = smallItems.map((i) => (i.id === 'q-single' ? { ...i, choiceIds: ['b', 'a', 'c', 'd'] } : i));
    expect(decodeState(encodeState(state, shape), small('balint-course', 6, reordered))).toEqual({ ok: false, reason: 'old-version' });
  });

  it('from a version with an item more is old-version', () => {
    const more = [...smallItems, { id: 'q-new', type: 'truefalse', choiceIds: [], groupIds: [] } as ItemOutline];
    expect(decodeState(encodeState(state, shape), small('balint-course', 6, more))).toEqual({ ok: false, reason: 'old-version' });
  });

  it('written by an older version of the codec is old-version', () => {
    const text = encodeState(state, shape);
    expect(text.startsWith('B1.')).toBe(true);
    expect(decodeState(`B0${text.slice(2)}`, shape)).toEqual({ ok: false, reason: 'old-version' });
  });

  it('of another course with the very same structure is other-course', () => {
    const other = small('another-course');
    expect(decodeState(encodeState(state, other), shape)).toEqual({ ok: false, reason: 'other-course' });
  });

  it('of this course decodes with the same course id and structure', () => {
    expect(decodeState(encodeState(state, small()), shape)).toEqual({ ok: true, state });
  });
});

describe('a course with no pages or items', () => {
  const bare = courseShapeOf(outline('bare', []));

  it('still saves and reads back a state', () => {
    const state = emptyState(bare);
    state.elapsedSeconds = 60;
    expect(roundTrip(state, bare)).toEqual({ ok: true, state });
  });
});
