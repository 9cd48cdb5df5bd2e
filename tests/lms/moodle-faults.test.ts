// What a learner on a ward does to the course in the real Moodle 4.3: the Wi-Fi drops mid-module
// and during the final assessment, the phone kills the tab, a second tab is left open on the same
// attempt. Each story reads Moodle's records afterwards and asserts every answer, objective,
// status, score, completion and the bookmark (location and the suspend_data it decodes to), and
// what the learner saw on the way. (Losing the Moodle session is in moodle-scorm.test.ts.)
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DIST } from '../../build/harness/paths';
import { courseContent } from '../../build/harness/course-content';
import type { Lang } from '../../src/content/types';
import { completionDone, playInMoodle, stored, type MoodleRun } from './support/moodle';
import { bookmarkPage, lmsId, objectivesOf, resultsFor, scoredItems, scoredModules, seconds, sittingsSeconds, stateOf, type Standard } from './support/records';

const zip = (lang: Lang, standard: Standard) => join(DIST, lang, `balint-method-${courseContent(lang).outline.version}-${lang}-${standard}.zip`);
const SCO = 'balint-method-item';
const values = (run: MoodleRun) => stored(run, SCO, 1);
/** Moodle's activity completion rule "Require status: Passed". */
const PASSED_RULE = { completionstatusrequired: 2 };
const firstPage = (lang: Lang, slug: string) => courseContent(lang).modules.find((m) => m.slug === slug)!.pages[0].id;
const quizPage = (lang: Lang, slug: string) => courseContent(lang).modules.find((m) => m.slug === slug)!.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'))!.id;
const ASSESSMENT = 'assess-final';
/** Calls answered with an error (GetValue of an element not yet set aside; and, with `offline`, a
 *  Commit made while the network was down, which Moodle may truly answer false). */
const apiErrors = (run: MoodleRun, offline?: { from: number; to: number }) =>
  run.api_calls
    .filter((c) => c.err !== '0' && !(c.fn.endsWith('GetValue') && ['403', '401', '301'].includes(c.err ?? '')))
    .filter((c) => !(offline && /Commit$/.test(c.fn) && c.t >= offline.from && c.t <= offline.to))
    .map((c) => `${c.fn}(${c.args[0] ?? ''}) -> ${c.err}`);
const offlineWindow = (run: MoodleRun) => ({ from: run.sittings[0].times.offline, to: run.sittings[0].times.online });
const keys = (standard: Standard) => (standard === 'scorm12'
  ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', total: 'cmi.core.total_time' }
  : { status: 'cmi.success_status', raw: 'cmi.score.raw', location: 'cmi.location', exit: 'cmi.exit', total: 'cmi.total_time' });
/** The modules a learner who answers these quizzes has an objective for, each with its score. */
const objectiveScores = (v: Record<string, string>, standard: Standard, lang: Lang, slugs: string[]) =>
  Object.fromEntries(slugs.map((slug) => [slug, objectivesOf(v).filter((o) => o.id === lmsId(standard, lang, slug)).at(-1)?.raw ?? 'missing']));
const all = (slugs: string[], value: string) => Object.fromEntries(slugs.map((s) => [s, value]));

/** The items whose answers Moodle must hold as interactions: the final assessment's, in both
 *  versions (a knowledge check is its module's objective). */
const recordedItems = (_standard: Standard, lang: Lang, slugs: string[]) => (slugs.includes('assessment') ? scoredItems(lang, 'assessment') : []);

/** A finished pass as Moodle must hold it after any fault: status, score, grade, completion, every
 *  answer right under our ids, every objective at 100, the bookmark on the assessment, and
 *  suspend_data that decodes to the same page with every answer and the pass. */
function expectPassKept(run: MoodleRun, standard: Standard, lang: Lang, bookmark = ASSESSMENT): void {
  const v = values(run);
  const k = keys(standard);
  const slugs = scoredModules(lang);
  expect.soft(v[k.status], 'status').toBe('passed');
  if (standard === 'scorm2004') expect.soft(v['cmi.completion_status'], 'completion_status').toBe('completed');
  expect.soft(v[k.raw], 'score').toBe('100');
  expect.soft(run.grade?.grade, 'grade').toBe(100);
  expect.soft(completionDone(run), `activity completion ${JSON.stringify(run.completion?.state)}`).toBe(true);
  const items = recordedItems(standard, lang, slugs);
  expect.soft(resultsFor(v, standard, lang, items), 'answers').toEqual(all(items, 'correct'));
  expect.soft(objectiveScores(v, standard, lang, slugs), 'objectives').toEqual(all(slugs, '100'));
  expect.soft(v[k.location], 'bookmark').toBe(bookmark);
  const decoded = stateOf(v['cmi.suspend_data'], lang);
  expect.soft(bookmarkPage(decoded, lang), 'suspend_data bookmark').toBe(bookmark);
  const teaching = slugs.filter((s) => s !== 'assessment').flatMap((s) => scoredItems(lang, s));
  expect.soft(decoded.ok ? Object.keys(decoded.state.answers).sort() : decoded.reason, 'answers in suspend_data').toEqual(teaching.sort());
  expect.soft(decoded.ok && decoded.state.passed, 'the pass in suspend_data').toBe(true);
}

describe('the Wi-Fi drops', () => {
  // SCORM 1.2: Moodle's player posts only what changed since its last post, and counts a post as
  // made when it went by sendBeacon after the XHR failed (request.js answers "true" for any beacon).
  it('SCORM 1.2, English: mid-module for 30 s, the learner reads on and answers a quiz offline, is told, reads the next module, and after the network returns passes: every answer kept', async () => {
    const lang = 'en';
    const run = await playInMoodle(zip(lang, 'scorm12'), [{
      lang,
      actions: [
        'start', { quiz: 'welcome' }, { quiz: 'origins' }, { open: firstPage(lang, 'premises') },
        'offline', { next: 2 }, { quiz: 'premises' }, { look: 'offline', until: 'offline' },
        { tryOpen: firstPage(lang, 'how-a-group-works') }, { offlineFor: 30_000 }, 'online',
        // A module the background load may have missed while offline opens in the same page, no re-entry.
        { tryOpen: firstPage(lang, 'balint-today'), as: 'after reconnecting' },
        ...['how-a-group-works', 'misconceptions', 'can-and-cannot', 'differences', 'balint-today'].map((quiz) => ({ quiz })),
        'pass', { look: 'end', until: 'saved' },
      ],
    }], { label: 'faults-scorm12-en-offline-mid-module', completion: PASSED_RULE });
    const seen = run.sittings[0];
    expect.soft(seen.looks.offline?.syncState, 'save state shown while offline').toBe('offline');
    expect.soft(seen.opened[firstPage(lang, 'how-a-group-works')], 'the next module opened while offline').toBe(true);
    expect.soft(seen.opened['after reconnecting'], 'a later module opened once the network was back, in the same sitting').toBe(true);
    expect.soft(seen.looks.end?.syncState, 'save state shown once the network is back').toBe('saved');
    expectPassKept(run, 'scorm12', lang);
    expect.soft(apiErrors(run, offlineWindow(run)), 'API errors').toEqual([]);
  });

  it.each([
    { standard: 'scorm12' as const, lang: 'it' as const },
    { standard: 'scorm2004' as const, lang: 'it' as const },
  ])('$standard, Italian: during the final assessment for 30 s, the learner submits offline and sees the result, then the network returns: the pass, score and answers reach Moodle', async ({ standard, lang }) => {
    const run = await playInMoodle(zip(lang, standard), [{
      lang,
      actions: [
        'start', 'quizzes', { open: ASSESSMENT }, 'offline', 'pass', { look: 'offline', until: 'offline' },
        { offlineFor: 30_000 }, 'online', { look: 'end', until: 'saved' },
      ],
    }], { label: `faults-${standard}-${lang}-offline-assessment`, completion: PASSED_RULE });
    const seen = run.sittings[0];
    expect(seen.result?.passed, 'the learner saw the pass').toBe('true');
    expect.soft(seen.looks.offline?.syncState, 'save state shown while offline').toBe('offline');
    expect.soft(seen.looks.end?.syncState, 'save state shown once the network is back').toBe('saved');
    expectPassKept(run, standard, lang);
    expect.soft(apiErrors(run, offlineWindow(run)), 'API errors').toEqual([]);
  });
});

describe('the tab dies without unload (Chromium CDP Page.crash: no pagehide, no unload)', () => {
  it('SCORM 2004, English: after two quizzes and a page of module 4 the tab crashes; the next sitting opens on that page with the answers, and Moodle counts each second once', async () => {
    const lang = 'en';
    const content = courseContent(lang);
    const page = content.modules[3].pages[1].id;
    const quizzes = [content.modules[1].slug, content.modules[2].slug];
    const run = await playInMoodle(zip(lang, 'scorm2004'), [
      { lang, actions: ['crashableTab', 'start', ...quizzes.map((quiz) => ({ quiz })), { open: page }, { wait: 1_000 }, 'crash'] },
      { lang, actions: ['start'] },
    ], { label: 'faults-scorm2004-en-crash' });
    // Nothing ran in the crashed tab on its way out.
    const crash = run.sittings[0].times.crash;
    expect(run.api_calls.filter((c) => c.session === 1 && c.t >= crash).map((c) => c.fn)).toEqual([]);
    const back = run.sittings[1];
    expect.soft(back.currentPage, 'the page the next sitting opens on').toBe(`#${page}`);
    expect.soft(back.progress, 'progress shown').not.toBe('0');
    const v = values(run);
    const k = keys('scorm2004');
    expect.soft(v['cmi.completion_status'], 'completion_status').toBe('incomplete');
    expect.soft(v[k.exit], 'exit').toBe('suspend');
    expect.soft(v[k.location], 'bookmark').toBe(page);
    const decoded = stateOf(v['cmi.suspend_data'], lang);
    expect.soft(bookmarkPage(decoded, lang), 'suspend_data bookmark').toBe(page);
    const answered = quizzes.flatMap((s) => scoredItems(lang, s));
    expect.soft(decoded.ok ? Object.keys(decoded.state.answers).sort() : decoded.reason, 'answers in suspend_data').toEqual(answered.sort());
    expect.soft(objectiveScores(v, 'scorm2004', lang, quizzes), 'objectives').toEqual(all(quizzes, '100'));
    // Time: no second counted twice. Moodle adds a sitting's session_time to total_time when it
    // ends; the stored total can be no more than the time both sittings lasted.
    const lasted = sittingsSeconds(run.api_calls);
    expect.soft(seconds(v[k.total]), `total_time ${v[k.total]} against ${lasted.toFixed(1)} s of sittings`).toBeGreaterThan(0);
    expect.soft(seconds(v[k.total]), `total_time ${v[k.total]} against ${lasted.toFixed(1)} s of sittings`).toBeLessThanOrEqual(lasted + 2);
    expect.soft(apiErrors(run), 'API errors').toEqual([]);
  });
});

describe('two tabs on the same attempt', () => {
  // Tab A answers origins; tab B opens the activity, answers premises and passes; A, now out of
  // date, answers the misconceptions quiz; B closes, then A. Moodle keeps whatever is posted last.
  it.each([
    { standard: 'scorm12' as const, lang: 'it' as const },
    { standard: 'scorm2004' as const, lang: 'en' as const },
  ])('$standard, $lang: the older tab says so and writes nothing over the newer one: every answer, the pass and the completion stay', async ({ standard, lang }) => {
    const run = await playInMoodle(zip(lang, standard), [
      {
        lang,
        actions: [
          'start', { quiz: 'origins' },
          'secondTab', 'start', { quiz: 'premises' }, { open: ASSESSMENT }, 'pass',
          'firstTab', { quiz: 'misconceptions' }, { look: 'stale' },
          'closeSecondTab',
        ],
      },
      { lang, actions: ['start', { open: ASSESSMENT }] },
    ], { label: `faults-${standard}-${lang}-two-tabs`, completion: PASSED_RULE });
    const [first, next] = run.sittings;
    expect.soft(first.looks.stale?.notices, 'the older tab tells the learner').toContain('notice.otherSitting');
    expect.soft(first.tabs.second?.result?.passed, 'the newer tab showed the pass').toBe('true');
    expect.soft(next.result?.passed, 'the next visit shows the pass on the assessment page').toBe('true');
    const v = values(run);
    const k = keys(standard);
    expect.soft(v[k.status], 'status').toBe('passed');
    if (standard === 'scorm2004') expect.soft(v['cmi.completion_status'], 'completion_status').toBe('completed');
    expect.soft(v[k.raw], 'score').toBe('100');
    expect.soft(run.grade?.grade, 'grade').toBe(100);
    expect.soft(completionDone(run), `activity completion ${JSON.stringify(run.completion?.state)}`).toBe(true);
    // Every answer given in the live sitting, and none made wrong by the stale one.
    const kept = ['origins', 'premises', 'assessment'];
    const items = recordedItems(standard, lang, kept);
    expect.soft(resultsFor(v, standard, lang, items), 'answers').toEqual(all(items, 'correct'));
    const stale = recordedItems(standard, lang, ['misconceptions']);
    expect.soft(Object.values(resultsFor(v, standard, lang, stale)).filter((r) => r !== 'correct' && r !== 'missing'), 'answers of the stale tab stored wrong').toEqual([]);
    expect.soft(objectiveScores(v, standard, lang, kept), 'objectives').toEqual(all(kept, '100'));
    // The newer tab's last page: the older one wrote nothing after it.
    expect.soft(v[k.location], 'bookmark').toBe(ASSESSMENT);
    const decoded = stateOf(v['cmi.suspend_data'], lang);
    expect.soft(bookmarkPage(decoded, lang), 'suspend_data bookmark').toBe(ASSESSMENT);
    expect.soft(decoded.ok && decoded.state.passed, 'the pass in suspend_data').toBe(true);
    expect.soft(decoded.ok ? [...scoredItems(lang, 'origins'), ...scoredItems(lang, 'premises')].filter((id) => !decoded.state.answers[id]) : decoded.reason, 'answers missing from suspend_data').toEqual([]);
    expect.soft(apiErrors(run), 'API errors').toEqual([]);
  });
});
