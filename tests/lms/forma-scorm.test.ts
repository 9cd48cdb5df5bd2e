// The course in the real Forma LMS 4.0.19 (its own SCORM 1.2 and 2004 players, PHP + MariaDB),
// played by a student in Chromium. Each test is a learner's story and asserts what Forma stored:
// its tracking row and the CMI tree it keeps (xmldata), the object's and the course's status, and
// every API call's answer. Each story is in one language; both languages meet both versions.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DIST } from '../../build/harness/paths';
import { courseContent } from '../../build/harness/course-content';
import type { Lang } from '../../src/content/types';
import { playInForma, stored, type FormaRun } from './support/forma';
import { bookmarkPage, lmsId, objectivesOf, resultsFor, scoredItems, scoredModules, seconds, sittingsSeconds, stateOf, type Standard } from './support/records';

const zip = (lang: Lang, standard: Standard) => join(DIST, lang, `balint-method-${courseContent(lang).outline.version}-${lang}-${standard}.zip`);
const assessmentPage = (lang: Lang) => courseContent(lang).modules.find((m) => m.slug === 'assessment')!.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!.id;
const row = (run: FormaRun) => run.tracking.scorm_tracking[0];
/** Forma's course status for the learner (lms_courseuser.status): 1 in progress, 2 completed. */
const COURSE_COMPLETED = '2';
/** Every API call answered with error 0 (a GetValue of an element not yet set included: Forma answers it with 0). */
const apiErrors = (run: FormaRun) => run.api_errors.map((c) => `${c.fn}(${c.args[0] ?? ''}) -> ${c.err}`);
/** Forma's total_time, above zero and no more than the sittings lasted (no second counted twice:
 *  Forma adds the session_time it holds to total_time each time it finishes a session). */
function expectTimeCounted(run: FormaRun): void {
  const total = seconds(row(run).total_time);
  const lasted = sittingsSeconds(run.api_calls);
  expect.soft(total, `total_time ${row(run).total_time}`).toBeGreaterThan(0);
  expect.soft(total, `total_time ${row(run).total_time} against ${lasted.toFixed(1)} s of sittings`).toBeLessThanOrEqual(lasted + 2);
}
/** The SCO's status in Forma's reports (lms_scorm_items_track, set when Forma finishes a session). */
const objectStatus = (run: FormaRun) => run.tracking.scorm_items_track.find((t) => t.idscorm_item !== null)?.status;
const statusKeys = (standard: Standard) => (standard === 'scorm12'
  ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit' }
  : { status: 'cmi.success_status', raw: 'cmi.score.raw', location: 'cmi.location', exit: 'cmi.exit' });
/** The answers Forma must hold as interactions: the final assessment's, in both versions (a
 *  knowledge check is its module's objective). */
const answered = (_standard: Standard, lang: Lang) => scoredItems(lang, 'assessment');

/** A pass as Forma must hold it: status, score, every answer right under our ids, every module's
 *  objective, the time spent, the course completed under its End course marker, no API error. */
function expectPassStored(run: FormaRun, standard: Standard, lang: Lang): void {
  const v = stored(run);
  const k = statusKeys(standard);
  expect.soft(v[k.status], 'status').toBe('passed');
  if (standard === 'scorm2004') expect.soft(v['cmi.completion_status'], 'completion_status').toBe('completed');
  expect.soft(v[k.raw], 'score').toBe('100');
  const results = resultsFor(v, standard, lang, answered(standard, lang));
  expect.soft(Object.entries(results).filter(([, r]) => r !== 'correct'), 'answers not stored as correct under our ids').toEqual([]);
  // Forma keeps no objective's score (its data model template marks cmi.objectives.n.score as never
  // set, so its player leaves it out of every post): the status is what it holds.
  const objectives = objectivesOf(v);
  const objectiveStatus = (slug: string) => objectives.find((x) => x.id === lmsId(standard, lang, slug))?.[standard === 'scorm12' ? 'status' : 'success'] ?? 'missing';
  expect.soft(Object.fromEntries(scoredModules(lang).map((slug) => [slug, objectiveStatus(slug)])), 'objectives').toEqual(Object.fromEntries(scoredModules(lang).map((slug) => [slug, 'passed'])));
  expectTimeCounted(run);
  expect.soft(objectStatus(run), 'the object\'s status in Forma').toMatch(/^(passed|completed)$/);
  expect.soft(run.tracking.courseuser?.status, 'course status (End course marker set)').toBe(COURSE_COMPLETED);
  expect.soft(apiErrors(run), 'API errors').toEqual([]);
}

describe.each([
  { standard: 'scorm12' as const, passLang: 'en' as const, otherLang: 'it' as const },
  { standard: 'scorm2004' as const, passLang: 'it' as const, otherLang: 'en' as const },
])('$standard in Forma LMS 4.0.19', ({ standard, passLang, otherLang }) => {
  it(`reads every page, answers every quiz and passes (${passLang}): passed, 100, every answer and objective under our ids, time, course completed`, async () => {
    const lang = passLang;
    const run = await playInForma(zip(lang, standard), [{ lang, actions: ['start', 'walk', 'quizzes', 'pass'] }], { label: `${standard}-${lang}-full-pass`, endCourseMarker: true });
    expect(run.sittings[0].result?.passed).toBe('true');
    expectPassStored(run, standard, lang);
  });

  it(`fails, comes back, retakes and passes (${otherLang}): the retake is offered and its pass is what Forma keeps`, async () => {
    const lang = otherLang;
    const run = await playInForma(zip(lang, standard), [
      { lang, actions: ['start', 'quizzes', { open: assessmentPage(lang) }, 'fail'] },
      { lang, actions: ['start', 'retake', 'pass'] },
    ], { label: `${standard}-${lang}-fail-retake-pass`, endCourseMarker: true });
    expect(run.sittings[0].retakeOffered).toBe(true);
    expect(run.sittings[1].notices).not.toContain('notice.review');
    expect(run.sittings[1].result?.passed).toBe('true');
    expectPassStored(run, standard, lang);
    // Forma's history holds both sittings: the failed one unfinished, then the pass.
    const history = run.tracking.scorm_tracking_history.map((h) => h.lesson_status);
    expect.soft(history.length, `Forma's history ${JSON.stringify(history)}`).toBe(2);
    expect.soft(history[0], `Forma's history ${JSON.stringify(history)}`).not.toMatch(/^(passed|completed)$/);
    expect.soft(history[1], `Forma's history ${JSON.stringify(history)}`).toMatch(/^(passed|completed)$/);
  });

  it(`leaves mid-course and comes back (${passLang}): the same page, the answers kept, and the exit, entry and time stored as the page went`, async () => {
    const lang = passLang;
    const content = courseContent(lang);
    const fourth = content.modules[3];
    const page = fourth.pages[1].id;
    const run = await playInForma(zip(lang, standard), [
      { lang, actions: ['start', { quiz: content.modules[1].slug }, { quiz: content.modules[2].slug }, { open: page }] },
      { lang, actions: ['start'] },
    ], { label: `${standard}-${lang}-leave-resume` });
    expect(run.sittings[1].currentPage).toBe(`#${page}`);
    const k = statusKeys(standard);
    const v = stored(run);
    expect.soft(v[k.location], 'bookmark').toBe(page);
    const decoded = stateOf(v['cmi.suspend_data'], lang);
    expect.soft(bookmarkPage(decoded, lang), 'suspend_data bookmark').toBe(page);
    const kept = decoded.ok ? Object.keys(decoded.state.answers) : [];
    expect.soft(kept.sort(), 'answers in suspend_data').toEqual([...scoredItems(lang, content.modules[1].slug), ...scoredItems(lang, content.modules[2].slug)].sort());
    // What the course set as the first sitting ended: the exit that makes the next launch a resume,
    // and the sitting's time.
    expect.soft(v[k.exit], 'exit').toBe('suspend');
    expect.soft(row(run).entry, 'entry Forma gives the next launch').toBe('resume');
    expectTimeCounted(run);
    expect.soft(run.tracking.scorm_tracking_history.filter((h) => seconds(h.session_time) > 0).length, 'sittings with a session time in Forma\'s history').toBe(2);
    expect.soft(apiErrors(run), 'API errors').toEqual([]);
  });

  it(`the tab dies without unload mid-course, and the next sitting resumes (${otherLang}): the page, the answers, the status`, async () => {
    const lang = otherLang;
    const content = courseContent(lang);
    const fourth = content.modules[3];
    const page = fourth.pages[1].id;
    const run = await playInForma(zip(lang, standard), [
      { lang, actions: ['crashableTab', 'start', { quiz: content.modules[1].slug }, { quiz: content.modules[2].slug }, { open: page }, { wait: 1_000 }, 'crash'] },
      { lang, actions: ['start'] },
    ], { label: `${standard}-${lang}-crash-resume` });
    // The crashed tab ran nothing on its way out.
    const crash = run.sittings[0].times.crash;
    expect(run.api_calls.filter((c) => c.session === 1 && c.t >= crash)).toEqual([]);
    expect(run.sittings[1].currentPage, 'the page the second sitting opens on').toBe(`#${page}`);
    expect(run.sittings[1].progress, 'progress shown').not.toBe('0');
    const k = statusKeys(standard);
    const v = stored(run);
    expect.soft(v[k.location], 'bookmark').toBe(page);
    const decoded = stateOf(v['cmi.suspend_data'], lang);
    const kept = decoded.ok ? Object.keys(decoded.state.answers) : [];
    expect.soft(kept.sort(), 'answers in suspend_data').toEqual([...scoredItems(lang, content.modules[1].slug), ...scoredItems(lang, content.modules[2].slug)].sort());
    expect.soft(v[k.exit], 'exit').toBe('suspend');
    expect.soft(row(run).entry, 'entry Forma gives the next launch').toBe('resume');
    expectTimeCounted(run);
    expect.soft(v[standard === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.completion_status'], 'status').toBe('incomplete');
    expect.soft(apiErrors(run), 'API errors').toEqual([]);
  });
});
