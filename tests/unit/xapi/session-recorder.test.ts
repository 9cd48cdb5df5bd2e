// The cmi5 order rules, enforced whatever the player calls: initialized first, terminated last,
// completed once per registration, nothing after passed but more sessions, no verdicts in browse.
import { describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { createSessionRecorder, type RecorderOptions } from '../../../src/xapi/session-recorder';
import { scope, CMI5_TEMPLATE, single } from './fixtures';
import { statementProblems } from './strict-statement';

const snap = (pageId: string) => ({ location: pageId, suspendData: 'x', progress: 0.5, moduleSlug: 'origins', pageId });
const verbs = (list: Statement[]) => list.map((s) => s.verb.id.split('/').pop());
const answerEvent = { item: single, response: { type: 'single', optionId: 'a' }, correct: true, latencyMs: 1000, moduleSlug: 'origins', objective: { id: 'origins', scorePercent: 100, status: 'passed' } } as never;

function recorder(o: Partial<RecorderOptions> = {}) {
  let t = Date.parse('2026-12-01T10:00:00Z');
  return createSessionRecorder({
    scope: scope({ cmi5: true, contextTemplate: CMI5_TEMPLATE }), mode: 'normal', masteryScaled: null, sendReflectionText: false,
    soFar: { completed: false, passed: false }, now: () => (t += 1000), ...o,
  });
}

describe('session recorder', () => {
  it('sends nothing before initialized and nothing after terminated', () => {
    const r = recorder();
    expect(r.visitPage(snap('p1'))).toEqual([]);
    const all = [...r.start(false), ...r.visitPage(snap('p1')), ...r.answer([answerEvent]), ...r.setResult({ scorePercent: 90, passed: true, completed: true, final: true }), ...r.finish('normal')];
    expect(verbs(all)).toEqual(['initialized', 'experienced', 'answered', 'completed', 'passed', 'terminated']);
    expect(r.visitPage(snap('p2'))).toEqual([]);
    expect(r.finish('normal')).toEqual([]);
    for (const s of all) expect(statementProblems(s)).toEqual([]);
  });

  it('completes once and passes once per registration; a fail may be followed by a pass', () => {
    const r = recorder();
    r.start(false);
    const first = r.setResult({ scorePercent: 40, passed: false, completed: true, final: false });
    const second = r.setResult({ scorePercent: 90, passed: true, completed: true, final: true });
    const third = r.setResult({ scorePercent: 95, passed: true, completed: true, final: true });
    expect(verbs(first)).toEqual(['completed', 'failed']);
    expect(verbs(second)).toEqual(['passed']);
    expect(third).toEqual([]);
    expect(r.soFar()).toEqual({ completed: true, passed: true });
    // A later session of the same registration remembers it.
    const later = recorder({ soFar: r.soFar() });
    later.start(true);
    expect(later.setResult({ scorePercent: 100, passed: true, completed: true, final: true })).toEqual([]);
  });

  it('sends no completed, passed or failed, and no answers, in browse and review', () => {
    for (const mode of ['browse', 'review'] as const) {
      const r = recorder({ mode });
      const all = [...r.start(true), ...r.answer([answerEvent]), ...r.setResult({ scorePercent: 100, passed: true, completed: true, final: true }), ...r.finish('suspend')];
      expect(verbs(all)).toEqual(['initialized', 'terminated']);
    }
  });

  it('suspends before terminating when the learner leaves unfinished, with the session duration', () => {
    const r = recorder();
    r.start(true);
    const end = r.finish('suspend');
    expect(verbs(end)).toEqual(['suspended', 'terminated']);
    expect(end[1].result?.duration).toMatch(/^PT\d+(\.\d+)?S$/);
  });

  it('does not repeat a page statement when the same page is reported twice', () => {
    const r = recorder();
    r.start(false);
    expect(r.visitPage(snap('p1'))).toHaveLength(1);
    expect(r.visitPage(snap('p1'))).toHaveLength(0);
    expect(r.visitPage(snap('p2'))).toHaveLength(1);
  });
});
