// The cmi5 zip launched by a test cmi5 LMS (tests/support/cmi5-launcher.ts) against the test LRS:
// the statements the LRS holds, in order, with the context cmi5 requires; pass, fail, browse, and a
// masteryScore from LaunchData that overrides course.json. The test LRS ends a session's token as
// CATAPULT does (403 for a statement after terminated, 401 for anything else), and every session
// must send exactly one terminated and nothing after it (cmi5 §9.3).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Statement } from '@xapi/xapi';
import { collectErrors } from '../../build/harness/browser';
import { leaveCourse, verbOf, waitForCourse, waitForStatements } from '../../build/harness/lrs/package-host';
import { Cmi5Lms, CMI5_CATEGORY, COURSE_ID, MASTERY_EXT, MOVEON_CATEGORY, SESSION_EXT, type Cmi5Launch } from '../../build/harness/cmi5-launcher';
import { courseContent } from '../../build/harness/course-content';
import { useLrsRig } from '../support/lrs-rig';
import { answerModuleQuiz, chooseAnswer, openPage, takeAssessment, skipActionabilityChecks } from '../../build/harness/course-driver';
import { isScored } from '../../src/content/types';

// This file checks what is recorded, not how controls respond to a pointer (keyboard-complete,
// keyboard-complete and accessibility do that): actions skip Playwright's waits, and each still shows its effect.
skipActionabilityChecks();

const content = courseContent('en');
const assessment = content.modules.find((m) => m.slug === 'assessment')!;
const teaching = content.modules.filter((m) => m.slug !== 'assessment');
const CMI5_DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

const rig = useLrsRig('cmi5');
let lms: Cmi5Lms;
beforeAll(() => {
  lms = new Cmi5Lms(rig.lrs, rig.pkg);
});
beforeEach(() => rig.lrs.reset());

async function open(launch: Cmi5Launch, existing?: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const context = existing ?? (await rig.browser.newContext({ viewport: { width: 1280, height: 900 } }));
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(launch.url);
  await waitForCourse(page);
  await page.waitForSelector('.mode[data-standard="cmi5"]');
  return { page, errors };
}

const ofSession = (all: Statement[], l: Cmi5Launch) => all.filter((s) => s.context?.registration === l.registration && s.context?.extensions?.[SESSION_EXT] === l.sessionId);
const categories = (s: Statement) => (s.context?.contextActivities?.category ?? []).map((a) => a.id);

/** The rules every AU session must keep (cmi5 §9): order, categories, context, durations. */
function expectCmi5Session(list: Statement[], launch: Cmi5Launch, activityId: string) {
  const verbs = list.map(verbOf);
  expect(verbs[0]).toBe('launched');
  expect(verbs[1]).toBe('initialized');
  expect(verbs.at(-1)).toBe('terminated');
  expect(verbs.filter((v) => v === 'initialized')).toHaveLength(1);
  expect(verbs.filter((v) => v === 'terminated')).toHaveLength(1);
  expect(verbs.filter((v) => v === 'completed').length).toBeLessThanOrEqual(1);
  expect(verbs.filter((v) => v === 'passed').length).toBeLessThanOrEqual(1);
  for (const s of list.slice(1)) {
    expect(s.actor).toMatchObject({ account: (launch.actor as { account: unknown }).account });
    expect(s.context?.registration).toBe(launch.registration);
    expect(s.context?.extensions?.[SESSION_EXT]).toBe(launch.sessionId);
    expect(s.context?.contextActivities?.grouping?.some((a) => a.id === COURSE_ID)).toBe(true);
    expect(s.context?.language).toBe('en');
    const v = verbOf(s);
    if (CMI5_DEFINED.includes(v)) {
      expect((s.object as { id: string }).id).toBe(activityId);
      expect(categories(s)).toContain(CMI5_CATEGORY);
      if (v !== 'initialized' && v !== 'terminated') expect(categories(s)).toContain(MOVEON_CATEGORY);
      if (v !== 'initialized') expect(s.result?.duration).toMatch(/^PT/);
    } else {
      expect(categories(s)).not.toContain(CMI5_CATEGORY);
    }
  }
  expect(rig.lrs.requests.filter((r) => r.path !== 'about').every((r) => r.version === '1.0.3'), JSON.stringify(rig.lrs.requests.filter((r) => r.version !== '1.0.3'))).toBe(true);
  expect(launch.fetchCalls()).toBe(1);
}

/** The session's requests as the LRS saw them: one terminated, nothing after it, nothing refused. */
async function expectOneTerminatedThenSilence(launch: Cmi5Launch) {
  // A late request (a duplicate, a State write) would arrive just after terminated.
  await new Promise((r) => setTimeout(r, 700));
  const mine = rig.lrs.requests.filter((r) => r.auth === `Basic ${launch.token}`);
  const log = mine.map((r) => `${r.method} ${r.path.split('?')[0]} [${r.verbs.join(',')}] → ${r.status}`).join('\n');
  const terminated = mine.filter((r) => r.verbs.includes('terminated'));
  expect(terminated, log).toHaveLength(1);
  expect(mine.at(-1), log).toBe(terminated[0]);
  expect(mine.filter((r) => r.status >= 400 && !(r.method === 'GET' && r.status === 404)), log).toEqual([]);
  return mine;
}
const resumeDoc = (launch: Cmi5Launch) => {
  const key = [...rig.lrs.documents.keys()].find((k) => k.includes(`|${launch.registration}|`) && k.endsWith('/state/resume'));
  return key ? (JSON.parse(rig.lrs.documents.get(key)!.body.toString()) as { location: string; soFar: { completed: boolean; passed: boolean } }) : null;
};

describe('cmi5 package launched by a cmi5 LMS', () => {
  it('records a pass: launched, initialized, the learning, completed once, passed with score, terminated last', async () => {
    const launch = await lms.launch();
    const { page, errors } = await open(launch);
    let answered = 0;
    for (const mod of teaching) answered += await answerModuleQuiz(page, mod, true);
    answered += await takeAssessment(page, assessment, true);
    expect(await page.locator('#assessment-result').getAttribute('data-passed')).toBe('true');
    await leaveCourse(page);
    const all = await waitForStatements(rig.lrs, (a) => ofSession(a, launch).some((s) => verbOf(s) === 'terminated') || a.some((s) => s.context?.registration === launch.registration && verbOf(s) === 'terminated'));
    const list = all.filter((s) => s.context?.registration === launch.registration);
    expectCmi5Session(list, launch, lms.pkg.activityId);
    await expectOneTerminatedThenSilence(launch);
    const verbs = list.map(verbOf);
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(answered);
    expect(verbs.filter((v) => v === 'failed')).toHaveLength(0);
    expect(verbs.indexOf('completed')).toBeGreaterThan(verbs.lastIndexOf('answered'));
    const passed = list.find((s) => verbOf(s) === 'passed')!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(passed.context?.extensions?.[MASTERY_EXT]).toBeUndefined();
    // The finished session does not suspend.
    expect(verbs).not.toContain('suspended');
    console.log(`cmi5 full run: ${list.length} statements (${list.length - 1} from the AU): ${JSON.stringify(count(verbs))}`);
    expect(errors).toEqual([]);
  });

  it('records a fail with its score, then suspends and terminates', async () => {
    const launch = await lms.launch();
    const { page } = await open(launch);
    await takeAssessment(page, assessment, false);
    expect(await page.locator('#assessment-result').getAttribute('data-passed')).toBe('false');
    await leaveCourse(page);
    const all = await waitForStatements(rig.lrs, (a) => a.some((s) => s.context?.registration === launch.registration && verbOf(s) === 'terminated'));
    const list = all.filter((s) => s.context?.registration === launch.registration);
    expectCmi5Session(list, launch, lms.pkg.activityId);
    await expectOneTerminatedThenSilence(launch);
    const verbs = list.map(verbOf);
    expect(verbs).not.toContain('passed');
    const failed = list.filter((s) => verbOf(s) === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].result).toMatchObject({ success: false, score: { scaled: 0, raw: 0 } });
    expect(verbs.slice(-2)).toEqual(['suspended', 'terminated']);
  });

  it('in Browse mode sends no completed, passed, failed or answers, and says nothing is recorded', async () => {
    const launch = await lms.launch({ launchMode: 'Browse' });
    const { page } = await open(launch);
    await page.waitForSelector('[data-notice="notice.browse"]');
    await openPage(page, teaching[1].pages[0].id);
    // Browsing shows the questions but takes no answers: nothing a learner does here can be recorded.
    const pageWithAssessment = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!;
    await openPage(page, pageWithAssessment.id);
    const firstInput = page.locator('.assessment fieldset input').first();
    await firstInput.waitFor();
    expect(await firstInput.isDisabled()).toBe(true);
    await leaveCourse(page);
    const all = await waitForStatements(rig.lrs, (a) => a.some((s) => s.context?.registration === launch.registration && verbOf(s) === 'terminated'));
    const list = all.filter((s) => s.context?.registration === launch.registration);
    expectCmi5Session(list, launch, lms.pkg.activityId);
    await expectOneTerminatedThenSilence(launch);
    const verbs = list.map(verbOf);
    for (const v of ['completed', 'passed', 'failed', 'answered', 'suspended']) expect(verbs).not.toContain(v);
    // Browse must not change the learner's saved state either.
    expect([...rig.lrs.documents.keys()].some((k) => k.includes(launch.registration) && k.endsWith('/state/resume'))).toBe(false);
  });

  it('passes at the masteryScore from LaunchData, not course.json, and says which one in the statement', async () => {
    const launch = await lms.launch({ masteryScore: 0.5 });
    const { page } = await open(launch);
    const items = assessment.items.filter(isScored);
    const rightCount = Math.ceil(items.length * 0.6);
    const pageWithAssessment = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!;
    await openPage(page, pageWithAssessment.id);
    for (const [i, item] of items.entries()) await chooseAnswer(page, `fieldset[data-item="${item.id}"]`, item, i < rightCount);
    await page.locator('.assessment button[type=submit]').click();
    await page.waitForSelector('#assessment-result');
    const percent = Math.round((rightCount / items.length) * 100);
    expect(percent).toBeLessThan(content.outline.masteryScore);
    expect(await page.locator('#assessment-result').getAttribute('data-passed')).toBe('true');
    await leaveCourse(page);
    const all = await waitForStatements(rig.lrs, (a) => a.some((s) => s.context?.registration === launch.registration && verbOf(s) === 'terminated'));
    const list = all.filter((s) => s.context?.registration === launch.registration);
    expectCmi5Session(list, launch, lms.pkg.activityId);
    await expectOneTerminatedThenSilence(launch);
    const passed = list.find((s) => verbOf(s) === 'passed')!;
    expect(passed.context?.extensions?.[MASTERY_EXT]).toBe(0.5);
    expect(passed.result?.score?.raw).toBe(percent);
  });

  it('Exit: the last state is stored, then one terminated, then the learner is back in the LMS, and nothing follows', async () => {
    const launch = await lms.launch({ returnURL: `${rig.lrs.url}/lms/returned` });
    const { page, errors } = await open(launch);
    await takeAssessment(page, assessment, true);
    await page.locator('header .exit').click();
    await page.waitForURL(/\/lms\/returned$/);
    expect(await page.locator('h1').innerText()).toBe('Back in the LMS');
    const mine = await expectOneTerminatedThenSilence(launch);
    const lastStateWrite = mine.map((r) => r.method === 'PUT' && r.path.startsWith('activities/state')).lastIndexOf(true);
    expect(lastStateWrite).toBeGreaterThan(-1);
    expect(lastStateWrite).toBeLessThan(mine.findIndex((r) => r.verbs.includes('terminated')));
    const pageWithAssessment = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!;
    expect(resumeDoc(launch)).toMatchObject({ location: pageWithAssessment.id, soFar: { completed: true, passed: true } });
    const list = (await rig.lrs.statements()).filter((s) => s.context?.registration === launch.registration);
    expectCmi5Session(list, launch, lms.pkg.activityId);
    expect(list.map(verbOf).slice(-3)).toEqual(['completed', 'passed', 'terminated']);
    // (the LMS's own page has no favicon)
    expect(errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
  });

  it('statements the last session could not send are not sent in the next one (they would end it)', async () => {
    const first = await lms.launch();
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const a = await open(first, context);
    await answerModuleQuiz(a.page, teaching[1], true);
    await waitForStatements(rig.lrs, (all) => all.some((s) => s.context?.extensions?.[SESSION_EXT] === first.sessionId && verbOf(s) === 'answered'));
    // The network goes as the learner closes the course: its terminated stays in this browser.
    rig.lrs.faults.down = true;
    await leaveCourse(a.page);
    await a.page.close();
    rig.lrs.faults.down = false;
    // Same browser, same registration, a new session.
    const second = await lms.launch({ registration: first.registration });
    const b = await open(second, context);
    await openPage(b.page, teaching[2].pages[0].id);
    await leaveCourse(b.page);
    const all = await waitForStatements(rig.lrs, (list) => list.some((s) => s.context?.extensions?.[SESSION_EXT] === second.sessionId && verbOf(s) === 'terminated'));
    await expectOneTerminatedThenSilence(second);
    const posted = new Set(rig.lrs.requests.filter((r) => r.auth === `Basic ${second.token}`).flatMap((r) => r.ids));
    expect(all.filter((s) => posted.has(s.id!) && s.context?.extensions?.[SESSION_EXT] !== second.sessionId)).toEqual([]);
    expect(ofSession(all, second).map(verbOf)).toEqual(expect.arrayContaining(['initialized', 'resumed', 'experienced', 'terminated']));
    await context.close();
  });

  it('resumes from the State API in a new session of the same registration', async () => {
    const first = await lms.launch();
    const a = await open(first);
    const mod = teaching[1];
    await answerModuleQuiz(a.page, mod, true);
    const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'))!;
    await leaveCourse(a.page);
    await waitForStatements(rig.lrs, (all) => all.some((s) => s.context?.registration === first.registration && verbOf(s) === 'terminated'));
    // A new browser context: nothing in localStorage, so the state can only come from the LRS.
    const second = await lms.launch({ registration: first.registration });
    const b = await open(second);
    await b.page.waitForFunction((id) => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') === `#${id}`, quizPage.id);
    for (const item of mod.items.filter(isScored)) await b.page.waitForSelector(`form[data-item="${item.id}"][data-state="right"]`);
    await leaveCourse(b.page);
    const all = await waitForStatements(rig.lrs, (list) => list.some((s) => s.context?.extensions?.[SESSION_EXT] === second.sessionId && verbOf(s) === 'terminated'));
    expect(ofSession(all, second).map(verbOf).slice(0, 3)).toEqual(['launched', 'initialized', 'resumed']);
    await expectOneTerminatedThenSilence(first);
    await expectOneTerminatedThenSilence(second);
  });
});

function count(verbs: string[]): Record<string, number> {
  return verbs.reduce<Record<string, number>>((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {});
}
