// The SCORM tracker with each version's dialect, in process, against scorm-again's Scorm12API and
// Scorm2004API: what a learner's page visits, answers, result and exit leave in the LMS's data model.
import { describe, expect, it, vi } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { ScoredItem, SingleItem, SortItem } from '../../../src/content/types';
import type { AnswerEvent, Snapshot } from '../../../src/events/tracker';
import { createScormTracker } from '../../../src/tracking/scorm/scorm-tracker';
import { scorm12Dialect } from '../../../src/scorm12/dialect';
import { scorm2004Dialect } from '../../../src/scorm2004/dialect';
import type { ScormDialect } from '../../../src/scorm/dialect';

const single: SingleItem = {
  id: 'origins-born', type: 'single', teaches: 's', prompt: 'Where was Balint born?',
  options: [{ id: 'a', text: 'Vienna', correct: false, feedback: '' }, { id: 'b', text: 'Budapest', correct: true, feedback: '' }],
};
const sort: SortItem = {
  id: 'final-can-sort', type: 'sort', teaches: 's', prompt: 'Sort each statement',
  categories: [{ id: 'can', text: 'Can' }, { id: 'cannot', text: 'Cannot' }],
  statements: [{ id: 's1', text: 'one', category: 'can', feedback: '' }, { id: 's2', text: 'two', category: 'cannot', feedback: '' }],
};
/** The items recorded as interactions, in course order (the final assessment's, here two). */
const RECORDED = ['final-can-born', 'final-can-sort'];
const snap = (page: string): Snapshot => ({ location: page, suspendData: `state-${page}`, progress: 0.25, moduleSlug: 'origins', pageId: page });
const answer = (item: ScoredItem, optionOrPlacements: string | Record<string, string>, kind: AnswerEvent['kind'] = 'check'): AnswerEvent => ({
  item, kind, latencyMs: 12_500, moduleSlug: 'origins', correct: true,
  response: typeof optionOrPlacements === 'string' ? { type: 'single', optionId: optionOrPlacements } : { type: 'sort', placements: optionOrPlacements },
  objective: { id: 'origins', scorePercent: 50, status: 'incomplete' },
});

interface Lms {
  api: Scorm12API | Scorm2004API;
  /** The value the LMS holds: what the course last set and the LMS accepted (write-only elements
   *  included), else what it held at launch. */
  get(el: string): string;
  commits: number;
}

function lms(dialect: ScormDialect, data: Record<string, string> = {}): Lms {
  const api = dialect.standard === 'scorm12' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  // What the LMS held from an earlier sitting (scorm-again's loadFromFlattenedJSON, as the test LMS page does).
  if (Object.keys(data).length) api.loadFromFlattenedJSON(data, '');
  const accepted = new Map<string, string>();
  const l: Lms = {
    api,
    get: (el) => accepted.get(el) ?? (dialect.standard === 'scorm12' ? (api as Scorm12API).LMSGetValue(el) : (api as Scorm2004API).GetValue(el)),
    commits: 0,
  };
  const methods = api as unknown as Record<string, (...a: string[]) => string>;
  const [commit, set] = dialect.standard === 'scorm12' ? ['LMSCommit', 'LMSSetValue'] : ['Commit', 'SetValue'];
  const originalCommit = methods[commit].bind(api);
  const originalSet = methods[set].bind(api);
  methods[commit] = (a: string) => {
    l.commits++;
    return originalCommit(a);
  };
  methods[set] = (el: string, v: string) => {
    const ok = originalSet(el, v);
    if (String(ok) === 'true') accepted.set(el, v);
    return ok;
  };
  return l;
}

const start = async (dialect: ScormDialect, l: Lms) => {
  const tracker = createScormTracker(dialect, l.api, { storageKey: 'balint:test', courseId: 'balint-method', recordedItems: RECORDED, sendReflections: false });
  const launch = await tracker.start();
  return { tracker, launch };
};

describe('SCORM 1.2 through its dialect', () => {
  const d = scorm12Dialect;

  it('a new attempt is incomplete, and each page visit commits the bookmark and state once', async () => {
    const l = lms(d);
    const { tracker, launch } = await start(d, l);
    expect(launch).toMatchObject({ standard: 'scorm12', mode: 'normal', reporting: true, savedState: null });
    tracker.visitPage(snap('origins-1'));
    expect(l.commits).toBe(1);
    expect(l.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(l.get('cmi.core.lesson_location')).toBe('origins-1');
    expect(l.get('cmi.suspend_data')).toBe('state-origins-1');
  });

  it('a knowledge check is its module objective; an assessment answer is an interaction in 1.2 formats at its fixed place, updated on a retake', async () => {
    const l = lms(d);
    const { tracker } = await start(d, l);
    tracker.answer([answer(single, 'a')], snap('origins-quiz'));
    // The first commit names the place of every recorded item (1.2 fills its array in order).
    expect([l.get('cmi.interactions._count'), l.get('cmi.interactions.0.id'), l.get('cmi.interactions.1.id')]).toEqual(['2', 'final-can-born', 'final-can-sort']);
    expect(l.get('cmi.interactions.0.student_response')).toBe('');
    expect(l.get('cmi.objectives.0.id')).toBe('origins');
    expect(l.get('cmi.objectives.0.status')).toBe('incomplete');
    const assessed = { ...single, id: 'final-can-sort' };
    tracker.answer([answer(assessed, 'a', 'assessment')], snap('assessment-1'));
    tracker.answer([answer(assessed, 'b', 'assessment')], snap('assessment-1'));
    // Its place among the recorded items is the second: a later sitting writes it there too.
    expect(['id', 'type', 'student_response', 'result', 'latency'].map((f) => l.get(`cmi.interactions.1.${f}`))).toEqual(['final-can-sort', 'choice', 'b', 'correct', '0000:00:12.50']);
  });

  it('a failed attempt with retakes left stays incomplete and keeps its score back; a pass sends status, then score', async () => {
    const l = lms(d);
    const { tracker } = await start(d, l);
    tracker.setResult({ scorePercent: 40, passed: false, completed: true, final: false }, snap('assessment-1'));
    expect(l.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(l.get('cmi.core.score.raw')).toBe('');
    const before = l.commits;
    tracker.setResult({ scorePercent: 90, passed: true, completed: true, final: true }, snap('assessment-1'));
    expect(l.commits - before).toBe(2);
    expect(l.get('cmi.core.lesson_status')).toBe('passed');
    expect(l.get('cmi.core.score.raw')).toBe('90');
  });

  it('leaving early suspends with the sitting’s time in CMITimespan', async () => {
    const l = lms(d);
    vi.useFakeTimers({ now: new Date(2026, 11, 1, 9, 0, 0) });
    try {
      const { tracker } = await start(d, l);
      vi.setSystemTime(new Date(2026, 11, 1, 9, 1, 5));
      tracker.finish('suspend', snap('origins-2'));
    } finally {
      vi.useRealTimers();
    }
    expect(l.get('cmi.core.exit')).toBe('suspend');
    expect(l.get('cmi.core.session_time')).toBe('0000:01:05.00');
  });

  it('a value the LMS refuses stays pending, the learner is told, and it goes with the next commit', async () => {
    const l = lms(d);
    const { tracker } = await start(d, l);
    const notices: string[] = [];
    tracker.onNotice((n) => notices.push(n.key));
    const api = l.api as Scorm12API;
    const setValue = api.LMSSetValue.bind(api);
    let refuse = true;
    api.LMSSetValue = (el: string, v: string) => (refuse && el === 'cmi.core.lesson_location' ? 'false' : setValue(el, v));
    tracker.visitPage(snap('origins-1'));
    expect(notices).toContain('notice.lmsRefused');
    refuse = false;
    tracker.visitPage(snap('origins-2'));
    expect(l.get('cmi.core.lesson_location')).toBe('origins-2');
  });

  it('a finished attempt opens in review and records nothing', async () => {
    const l = lms(d, { 'cmi.core.lesson_status': 'passed', 'cmi.core.lesson_location': 'assessment-1' });
    const { tracker, launch } = await start(d, l);
    expect(launch).toMatchObject({ mode: 'review', reporting: false, location: 'assessment-1', previouslyCompleted: true });
    tracker.answer([answer(single, 'a')], snap('origins-quiz'));
    expect(l.get('cmi.interactions._count')).toBe('0');
  });
});

describe('SCORM 2004 through its dialect', () => {
  const d = scorm2004Dialect;

  it('a new attempt is incomplete with a progress measure; page visits commit the bookmark and state', async () => {
    const l = lms(d);
    const { tracker } = await start(d, l);
    tracker.visitPage(snap('origins-1'));
    expect(l.get('cmi.completion_status')).toBe('incomplete');
    expect(l.get('cmi.location')).toBe('origins-1');
    expect(l.get('cmi.progress_measure')).toBe('0.25');
  });

  it('knowledge checks become the module objective only; an assessment item is one interaction, updated on a retake', async () => {
    const l = lms(d);
    const { tracker } = await start(d, l);
    tracker.answer([answer(single, 'b')], snap('origins-quiz'));
    expect(l.get('cmi.interactions._count')).toBe('0');
    // Strict runtimes take only URIs here: the course's ids become URNs in its own namespace.
    expect(l.get('cmi.objectives.0.id')).toBe('urn:balintmethod:origins');
    expect(l.get('cmi.objectives.0.completion_status')).toBe('incomplete');
    tracker.answer([answer(sort, { s1: 'cannot', s2: 'cannot' }, 'assessment')], snap('assessment-1'));
    tracker.answer([answer(sort, { s1: 'can', s2: 'cannot' }, 'assessment')], snap('assessment-1'));
    expect(l.get('cmi.interactions._count')).toBe('1');
    expect(l.get('cmi.interactions.0.id')).toBe('urn:balintmethod:final%2Dcan%2Dsort');
    expect(l.get('cmi.interactions.0.type')).toBe('matching');
    expect(l.get('cmi.interactions.0.learner_response')).toBe('s1[.]can[,]s2[.]cannot');
    expect(l.get('cmi.interactions.0.latency')).toBe('PT12.5S');
  });

  it('a relaunch finds each item’s interaction and each objective where the LMS keeps them', async () => {
    const l = lms(d, {
      'cmi.completion_status': 'incomplete', 'cmi.location': 'assessment-1',
      'cmi.interactions.0.id': 'urn:balintmethod:final%2Dcan%2Dsort', 'cmi.interactions.0.type': 'matching',
      'cmi.objectives.0.id': 'urn:balintmethod:premises', 'cmi.objectives.1.id': 'urn:balintmethod:origins',
    });
    const { tracker, launch } = await start(d, l);
    expect(launch).toMatchObject({ mode: 'normal', location: 'assessment-1' });
    tracker.answer([answer(sort, { s1: 'can', s2: 'can' }, 'assessment')], snap('assessment-1'));
    expect(l.get('cmi.interactions._count')).toBe('1');
    expect(l.get('cmi.interactions.0.learner_response')).toBe('s1[.]can[,]s2[.]can');
    expect(l.get('cmi.objectives.1.score.raw')).toBe('50');
  });

  it('a pass sets success and completion, then the score; leaving early suspends with an ISO 8601 session time', async () => {
    const l = lms(d);
    const { tracker } = await start(d, l);
    tracker.setResult({ scorePercent: 85, passed: true, completed: true, final: true }, snap('assessment-1'));
    expect([l.get('cmi.success_status'), l.get('cmi.completion_status'), l.get('cmi.score.scaled'), l.get('cmi.score.raw')]).toEqual(['passed', 'completed', '0.85', '85']);
    tracker.finish('suspend', snap('assessment-1'));
    expect(l.get('cmi.exit')).toBe('suspend');
    expect(l.get('cmi.session_time')).toMatch(/^PT(\d+(\.\d+)?S)$/);
  });
});

/** A network the test turns off and on (the browser's navigator.onLine and its online event). */
function network() {
  let up = true;
  const on: (() => void)[] = [];
  const off: (() => void)[] = [];
  return {
    connection: { online: () => up, onOnline: (l: () => void) => on.push(l), onOffline: (l: () => void) => off.push(l) },
    drop() { up = false; off.forEach((l) => l()); },
    restore() { up = true; on.forEach((l) => l()); },
  };
}

describe('a SCORM sitting through faults', () => {
  for (const d of [scorm12Dialect, scorm2004Dialect]) {
    it(`${d.standard}: the attempt is suspended from its first save, so a tab that dies resumes`, async () => {
      const l = lms(d);
      const { tracker } = await start(d, l);
      tracker.visitPage(snap('origins-1'));
      expect(l.get(d.exit)).toBe('suspend');
    });

    it(`${d.standard}: without a network nothing is set or committed; the learner is told, and each commit is made, in order, when it returns`, async () => {
      const l = lms(d);
      const net = network();
      const tracker = createScormTracker(d, l.api, { storageKey: 'balint:test', courseId: 'balint-method', recordedItems: RECORDED, sendReflections: false, connection: net.connection });
      await tracker.start();
      const states: string[] = [];
      tracker.onSync!((s) => states.push(s));
      tracker.visitPage(snap('origins-1'));
      const before = l.commits;
      net.drop();
      tracker.answer([answer(sort, { s1: 'can', s2: 'cannot' }, 'assessment')], snap('origins-2'));
      tracker.visitPage(snap('origins-3'));
      expect(l.commits).toBe(before);
      expect(l.get(d.location)).toBe('origins-1');
      expect(states).toEqual(['offline']);
      net.restore();
      expect(l.commits).toBeGreaterThan(before);
      expect(states).toEqual(['offline', 'saved']);
      expect(l.get(d.location)).toBe('origins-3');
      expect(l.get(`cmi.interactions.${d.standard === 'scorm12' ? 1 : 0}.${d.standard === 'scorm12' ? 'student_response' : 'learner_response'}`)).toMatch(/^(0\.a,1\.b|s1\[\.\]can\[,\]s2\[\.\]cannot)$/);
    });
  }

  for (const d of [scorm12Dialect, scorm2004Dialect]) {
    it(`${d.standard}: a pass given offline is committed as it would have been: the status, then the score, apart`, async () => {
      const l = lms(d);
      const net = network();
      const tracker = createScormTracker(d, l.api, { storageKey: 'balint:test', courseId: 'balint-method', recordedItems: RECORDED, sendReflections: false, connection: net.connection });
      await tracker.start();
      tracker.visitPage(snap('assessment-1'));
      net.drop();
      tracker.setResult({ scorePercent: 100, passed: true, completed: true, final: true }, snap('assessment-1'));
      const order: string[] = [];
      const api = l.api as unknown as Record<string, (...a: string[]) => string>;
      const [setName, commitName] = d.standard === 'scorm12' ? ['LMSSetValue', 'LMSCommit'] : ['SetValue', 'Commit'];
      const set = api[setName];
      const commit = api[commitName];
      api[setName] = (el: string, v: string) => { if (/status|score\.raw/.test(el)) order.push(el); return set(el, v); };
      api[commitName] = (a: string) => { order.push('commit'); return commit(a); };
      net.restore();
      const status = order.indexOf(d.standard === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status');
      const score = order.indexOf(d.standard === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw');
      expect(status).toBeGreaterThanOrEqual(0);
      expect(order.slice(status, score)).toContain('commit');
    });
  }
});
