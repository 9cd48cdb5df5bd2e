// SCORM packages report through xAPI when course.json names an LRS: the SCORM tracker is called
// first and never waits; the same statements reach the LRS from an account agent built from the
// LMS learner id and the configured home page, under one registration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseOutline } from '../../../src/content/types';
import type { LaunchData, Tracker } from '../../../src/events/tracker';
import { withXapi } from '../../../src/tracking/with-xapi';
import { startTestLrs, TEST_AUTH, type TestLrs } from '../../../build/harness/lrs/lrs-front';
import { verbOf, waitForStatements } from '../../../build/harness/lrs/package-host';
import { modules, COURSE_IRI } from './fixtures';

let lrs: TestLrs;
beforeAll(async () => {
  lrs = await startTestLrs();
});
afterAll(async () => {
  await lrs?.close();
});

const outline = (endpoint: string | null): CourseOutline =>
  ({ lang: 'en', id: 'balint-method', iri: COURSE_IRI, version: '1.0.0', title: 'Balint', modules, xapi: { endpoint, auth: TEST_AUTH, accountHomePage: 'https://lms.example.org', sendReflectionText: false } }) as unknown as CourseOutline;

/** A test double of a SCORM tracker: records the calls it gets. */
function scormDouble(calls: string[]): Tracker {
  const launch: LaunchData = { standard: 'scorm2004', reporting: true, mode: 'normal', learner: { id: 'learner-7', name: 'Dee' }, savedState: null, location: null, masteryScore: null, previouslyCompleted: false, preferredLang: null, notices: [] };
  return {
    standard: 'scorm2004',
    start: async () => (calls.push('start'), launch),
    visitPage: () => calls.push('visitPage'),
    answer: () => calls.push('answer'),
    reflect: () => calls.push('reflect'),
    survey: () => calls.push('survey'),
    setResult: () => calls.push('setResult'),
    save: () => calls.push('save'),
    finish: () => calls.push('finish'),
    onNotice: () => undefined,
  };
}
const snap = (pageId: string) => ({ location: pageId, suspendData: '', progress: 0, moduleSlug: 'origins', pageId });

describe('withXapi around a SCORM tracker', () => {
  it('returns the SCORM tracker itself when no LRS is configured', () => {
    const inner = scormDouble([]);
    expect(withXapi(inner, outline(null), 'k')).toBe(inner);
  });

  it('calls SCORM first and at once even when the LRS is down, then delivers the statements', async () => {
    const calls: string[] = [];
    lrs.faults.down = true;
    const t = withXapi(scormDouble(calls), outline(lrs.endpoint), 'balint:test:scorm2004');
    await t.start();
    t.visitPage(snap('origins-1'));
    t.setResult({ scorePercent: 90, passed: true, completed: true, final: true }, snap('origins-1'));
    t.finish('normal', snap('origins-1'));
    expect(calls).toEqual(['start', 'visitPage', 'setResult', 'finish']);
    lrs.faults.down = false;
    const all = await waitForStatements(lrs, (a) => a.some((s) => verbOf(s) === 'terminated'), 30_000);
    expect(all.map(verbOf)).toEqual(['initialized', 'experienced', 'completed', 'passed', 'terminated']);
    for (const s of all) {
      expect(s.actor).toMatchObject({ account: { homePage: 'https://lms.example.org', name: 'learner-7' } });
      expect(s.context?.registration).toBe(all[0].context?.registration);
      expect(JSON.stringify(s)).not.toContain('cmi5');
    }
  });
});
