// The cmi5 package in ADL's CATAPULT cmi5 player (a real cmi5 LMS, $LMS_RIGS/cmi5): each test is
// a learner's story, and asserts what CATAPULT recorded — the statements its LRS stored for the
// registration, its session and registration state (moveOn satisfied), the driver's 19 rule checks —
// and that the AU made exactly one `terminated` and no request after it (cmi5 §9.3).
import { describe, expect, it } from 'vitest';
import { zipPath } from '../../build/harness/packages';
import { courseContent } from '../../build/harness/course-content';
import { catapultAvailable, failedChecks, LRS, LRS_AUTH, runCatapult, verbName, type CatapultRun } from './support/catapult';

const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const RESUME_STATE = 'https://balint-course.org/xapi/state/resume';
const MOVEON_NOT_MET = 'moveOn CompletedAndPassed satisfied by AU statements';

/** The cmi5-defined statements the AU made in this session, in the order the LRS stored them. */
const auDefined = (run: CatapultRun) =>
  ofSession(run).filter((s) => s.categories.includes(CMI5) && !/\/(launched|satisfied|abandoned|waived)$/.test(s.verb));
const ofSession = (run: CatapultRun) => run.statements.filter((s) => s.sessionid === run.catapultSession.code);

/** What the AU said to CATAPULT's LRS proxy: one terminated, the last request, every request taken. */
function expectOneTerminatedThenSilence(run: CatapultRun) {
  const sent = run.requests.map((r) => `${r.method} ${r.resource}${r.verbs ? ` [${r.verbs.join(',')}]` : ''} → ${r.status ?? r.failure}`);
  const terminated = run.requests.filter((r) => r.verbs?.includes('terminated'));
  expect(terminated, sent.join('\n')).toHaveLength(1);
  expect(run.requests.at(-1), sent.join('\n')).toBe(terminated[0]);
  // Every request answered, none refused (a GET of a document not there yet is a normal 404).
  const refused = run.requests.filter((r) => r.status === null || (r.status >= 400 && !(r.method === 'GET' && r.status === 404)));
  expect(refused.map((r) => `${r.method} ${r.resource} → ${r.status ?? r.failure}`), sent.join('\n')).toEqual([]);
  expect(run.catapultViolations).toEqual([]);
  expect(run.au.pageErrors).toEqual([]);
  expect(run.au.stepError).toBeNull();
  expect(run.catapultSession).toMatchObject({ isTerminated: 1, isAbandoned: 0 });
}

/** The resume document CATAPULT's LRS holds for the registration (read back with the LRS's own key). */
async function storedResume(run: CatapultRun): Promise<{ location: string; savedAt: string; soFar: { completed: boolean; passed: boolean } } | null> {
  const q = new URLSearchParams({ activityId: run.launch.params.activityId, agent: JSON.stringify(run.registration.actor), registration: run.registration.code, stateId: RESUME_STATE });
  const r = await fetch(`${LRS}activities/state?${q}`, { headers: { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3' } });
  return r.status === 200 ? ((await r.json()) as { location: string; savedAt: string; soFar: { completed: boolean; passed: boolean } }) : null;
}

const assessmentPage = (lang: 'en' | 'it') =>
  courseContent(lang).modules.find((m) => m.slug === 'assessment')!.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!.id;

// test:lms brings the rigs up first (tests/lms/setup.sh): a missing CATAPULT is a failure, not a skip.
describe('cmi5 in CATAPULT', () => {
  it('CATAPULT is installed', () => {
    expect(catapultAvailable(), 'CATAPULT is missing: run tests/lms/setup.sh').toBe(true);
  });
  describe.each(['en', 'it'] as const)('in %s', (lang) => {
    it('a learner reads every page, passes every quiz and the assessment, presses Exit: CATAPULT records the pass and moveOn satisfied', async () => {
      const run = await runCatapult({ zip: zipPath(lang, 'cmi5'), story: 'pass', lang });
      expect(failedChecks(run), run.file).toEqual([]);
      if (!run.driverSawDuplicates) expect(run.summary).toBe('19 passed, 0 failed');
      expect(auDefined(run).map(verbName)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
      // Nothing from the AU after terminated (CATAPULT's own `satisfied` may follow it).
      expect(verbName(ofSession(run).filter((s) => !/\/satisfied$/.test(s.verb)).at(-1)!)).toBe('terminated');
      const passed = run.statements.find((s) => verbName(s) === 'passed')!;
      expect(passed.result).toMatchObject({ success: true, score: { scaled: 1 } });
      expect(run.catapultSession).toMatchObject({ isCompleted: 1, isPassed: 1, isFailed: 0 });
      expect(run.catapultRegistration.moveOn.satisfied).toBe(true);
      expectOneTerminatedThenSilence(run);
      // The last state reached the LRS before terminated: the next launch resumes at the assessment, passed.
      const lastStateWrite = run.requests.map((r) => r.method === 'PUT' && r.stateId === RESUME_STATE).lastIndexOf(true);
      expect(lastStateWrite).toBeLessThan(run.requests.findIndex((r) => r.verbs?.includes('terminated')));
      expect(await storedResume(run)).toMatchObject({ location: assessmentPage(lang), soFar: { completed: true, passed: true } });
    }, 180_000);
  });

  it('a learner fails the assessment and exits: CATAPULT records failed with the score, the AU not satisfied', async () => {
    const run = await runCatapult({ zip: zipPath('en', 'cmi5'), story: 'fail', lang: 'en' });
    // The one check that must fail: moveOn (CompletedAndPassed) is not met by a failed attempt.
    expect(failedChecks(run), run.file).toEqual([MOVEON_NOT_MET]);
    expect(auDefined(run).map(verbName)).toEqual(['initialized', 'completed', 'failed', 'terminated']);
    const failed = run.statements.find((s) => verbName(s) === 'failed')!;
    expect(failed.result).toMatchObject({ success: false, score: { scaled: 0, raw: 0 } });
    // Retakes are left: the session suspends, so the learner can come back.
    expect(ofSession(run).map(verbName).slice(-2)).toEqual(['suspended', 'terminated']);
    expect(run.catapultSession).toMatchObject({ isCompleted: 1, isPassed: 0, isFailed: 1 });
    expect(run.catapultRegistration.moveOn.satisfied).toBe(false);
    expectOneTerminatedThenSilence(run);
    expect(await storedResume(run)).toMatchObject({ location: assessmentPage('en'), soFar: { completed: true, passed: false } });
  }, 180_000);

  it('a learner fails and closes the page without Exit: CATAPULT records terminated once and last, and the state written as the page closed', async () => {
    const run = await runCatapult({ zip: zipPath('en', 'cmi5'), story: 'fail', lang: 'en', leave: 'close' });
    expect(failedChecks(run), run.file).toEqual([MOVEON_NOT_MET]);
    expect(ofSession(run).map(verbName).slice(-2)).toEqual(['suspended', 'terminated']);
    expect(run.catapultSession).toMatchObject({ isTerminated: 1, isAbandoned: 0, isFailed: 1 });
    expect(run.catapultViolations).toEqual([]);
    // CATAPULT takes State writes only until terminated: the document it holds is the one made as
    // the page closed (just before terminated), not the one from the assessment 1.5 s earlier.
    const state = await storedResume(run);
    const terminatedAt = Date.parse(ofSession(run).find((s) => verbName(s) === 'terminated')!.timestamp);
    expect(state).toMatchObject({ location: assessmentPage('en'), soFar: { completed: true, passed: false } });
    expect(terminatedAt - Date.parse(state!.savedAt)).toBeLessThan(500);
  }, 180_000);

  describe.each(['Browse', 'Review'] as const)('launched in %s mode', (launchMode) => {
    it('a learner looks around and exits: CATAPULT records only initialized and terminated, and no state is written', async () => {
      const run = await runCatapult({ zip: zipPath('en', 'cmi5'), story: 'browse', lang: 'en', launchMode });
      // Nothing is recorded in this mode, so moveOn is (rightly) not met; every other rule holds.
      expect(failedChecks(run), run.file).toEqual([MOVEON_NOT_MET]);
      expect(run.catapultSession).toMatchObject({ launchMode, isCompleted: 0, isPassed: 0, isFailed: 0 });
      expect(auDefined(run).map(verbName)).toEqual(['initialized', 'terminated']);
      for (const v of ['answered', 'completed', 'passed', 'failed', 'suspended']) expect(run.statements.map(verbName)).not.toContain(v);
      expect(run.requests.filter((r) => r.method === 'PUT')).toEqual([]);
      expect(run.catapultRegistration.moveOn.satisfied).toBe(false);
      expectOneTerminatedThenSilence(run);
    }, 180_000);
  });
});
