// The course in the real Moodle 4.3 (its own SCORM player, PostgreSQL, Apache/PHP), played by a
// student in Chromium. Each test is a learner's story and asserts what Moodle recorded: stored
// values, gradebook grade, activity completion, its events and every API call's answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { basename, join } from 'node:path';
import { DIST } from '../../build/harness/paths';
import { courseContent } from '../../build/harness/course-content';
import { isScored, placesAssessment, type Lang } from '../../src/content/types';
import { completionDone, playInMoodle, stored, type MoodleRun } from './support/moodle';
import { unloadBudget } from '../../src/scorm2004/unload-budget';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ROOT } from '../../build/harness/paths';
import { scorm2004Id } from '../../src/scorm2004/identifiers';
import { recordedItems } from '../../src/scorm/recorded-items';

/** The course built as a trust that shares reflections with the LMS would build it. */
function buildWithSharedReflections(): string {
  const root = mkdtempSync(join(tmpdir(), 'balint-shared-'));
  for (const dir of ['course', 'modules']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  const courseJson = join(root, 'course', 'course.json');
  const json = readFileSync(courseJson, 'utf8');
  if (!json.includes('"sendReflectionsToLms": false')) throw new Error('course.json no longer says "sendReflectionsToLms": false');
  writeFileSync(courseJson, json.replace('"sendReflectionsToLms": false', '"sendReflectionsToLms": true'));
  const dist = join(root, 'dist');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'build', 'cli.ts'), 'build', root, dist], { stdio: 'pipe' });
  return dist;
}

const zip = (lang: Lang, standard: 'scorm12' | 'scorm2004') => join(DIST, lang, `balint-method-${courseContent(lang).outline.version}-${lang}-${standard}.zip`);
const assessmentPage = (lang: Lang) => courseContent(lang).modules.find((m) => m.slug === 'assessment')!.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!.id;
const SCO = 'balint-method-item';
const values = (run: MoodleRun, attempt = 1) => stored(run, SCO, attempt);
const events = (run: MoodleRun) => run.events.map((e) => e.event.split('\\').at(-1) ?? e.event);
/** Every API call the course made answered true (or a value) with error 0. */
const cleanCalls = (run: MoodleRun) => run.api_calls.filter((c) => c.err !== '0' && !(c.fn.endsWith('GetValue') && ['403', '401', '301'].includes(c.err ?? '')));
/** Moodle's activity completion rule "Require status": 2 Passed, 4 Completed, 6 either (the rig's default). */
const PASSED_RULE = { completionstatusrequired: 2 };
const COMPLETED_RULE = { completionstatusrequired: 4 };
const ruleOf = (run: MoodleRun) => String((run.completion as { settings?: { completionstatusrequired?: unknown } } | null)?.settings?.completionstatusrequired);
const ended = (run: MoodleRun) => run.api_calls.filter((c) => c.fn === 'LMSFinish' || c.fn === 'Terminate');

describe('SCORM 1.2 in Moodle 4.3', () => {
  it('a learner reads every page, answers every quiz and passes: grade, passed, completion Done, answers and objectives kept', async () => {
    const lang = 'en';
    const run = await playInMoodle(zip(lang, 'scorm12'), [{ lang, actions: ['start', 'walk', 'quizzes', 'pass'] }], { label: 'scorm12-en-full-pass' });
    const v = values(run);
    expect(v['cmi.core.lesson_status']).toBe('passed');
    expect(v['cmi.core.score.raw']).toBe('100');
    expect(run.grade?.grade).toBe(100);
    expect(completionDone(run), JSON.stringify(run.completion)).toBe(true);
    // Moodle logs the completion it judged when the score was stored. (It logs no status_submitted:
    // it raises that only for a status element whose previous value was already final.)
    expect(events(run)).toContain('course_module_completion_updated');
    const content = courseContent(lang);
    // One interaction per recorded item (the final assessment and the evaluation), each knowledge
    // check its module's objective: what Moodle (and Forma) post as the learner leaves stays small.
    const recorded = recordedItems(content.outline.modules, false);
    expect(Object.keys(v).filter((k) => /^cmi\.interactions[._]\d+\.id$/.test(k)).map((k) => v[k]).sort()).toEqual([...recorded].sort());
    for (const item of content.modules.find(placesAssessment)!.items.filter(isScored)) {
      const key = Object.keys(v).find((k) => /^cmi\.interactions[._]\d+\.id$/.test(k) && v[k] === item.id)!;
      expect(v[key.replace(/id$/, 'result')], item.id).toBe('correct');
    }
    expect(Object.keys(v).filter((k) => /^cmi\.objectives_\d+\.id$/.test(k)).length).toBeGreaterThanOrEqual(content.modules.filter((m) => m.items.some(isScored)).length);
    expect(v['cmi.core.total_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
    expect(v['cmi.core.total_time']).not.toBe('00:00:00');
    expect(ended(run).map((c) => c.ret)).toEqual(['true']);
    expect(cleanCalls(run)).toEqual([]);
    expect(run.sittings[0].errors).toEqual([]);
  });

  it('fails, comes back to a normal launch, retakes and passes: completion Done on the retake, under the rule "Passed"', async () => {
    const lang = 'it';
    const run = await playInMoodle(zip(lang, 'scorm12'), [
      { lang, actions: ['start', { open: assessmentPage(lang) }, 'fail'] },
      { lang, actions: ['start', 'retake', 'pass'] },
    ], { label: 'scorm12-it-fail-retake', completion: PASSED_RULE });
    expect(ruleOf(run)).toBe('2');
    // The first sitting left a retake: Moodle must not open the next one in review.
    expect(run.sittings[0].retakeOffered).toBe(true);
    expect(run.sittings[1].notices).not.toContain('notice.review');
    expect(run.sittings[1].result?.passed).toBe('true');
    expect(Object.keys(run.tracking?.attempts ?? {})).toEqual(['1']);
    expect(values(run)['cmi.core.lesson_status']).toBe('passed');
    expect(run.grade?.grade).toBe(100);
    expect(completionDone(run), JSON.stringify(run.completion)).toBe(true);
    expect(cleanCalls(run)).toEqual([]);
  });

  it('fails every allowed attempt: failed with the score, and the next launch is a review that offers no retake and says how to start again', async () => {
    const lang = 'en';
    const attempts = courseContent(lang).outline.attemptsAllowed;
    const retakes = Array.from({ length: attempts - 1 }, () => ['retake', 'fail'] as const).flat();
    const run = await playInMoodle(zip(lang, 'scorm12'), [
      { lang, actions: ['start', { open: assessmentPage(lang) }, 'fail', ...retakes] },
      { lang, actions: ['start', { open: assessmentPage(lang) }] },
    ], { label: 'scorm12-en-fail-all' });
    expect(values(run)['cmi.core.lesson_status']).toBe('failed');
    expect(values(run)['cmi.core.score.raw']).toBe('0');
    expect(run.grade?.grade).toBe(0);
    const review = run.sittings[1];
    expect(review.notices).toContain('notice.review');
    expect(review.retakeOffered).toBe(false);
    expect(review.explains).toMatch(/start a new attempt/i);
    expect(cleanCalls(run)).toEqual([]);
  });

  it('in standards mode (4096), leaves mid-course and comes back to the same page with the answers kept', async () => {
    const lang = 'en';
    const mod = courseContent(lang).modules[2];
    const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'))!.id;
    const run = await playInMoodle(zip(lang, 'scorm12'), [
      { lang, actions: ['start', 'quizzes', { open: quizPage }] },
      { lang, actions: ['start'] },
    ], { label: 'scorm12-en-resume-standards', standardsMode: 1 });
    expect(run.sittings[0].notices).toEqual([]);
    const v = values(run);
    expect(v['cmi.core.lesson_status']).toBe('incomplete');
    expect(v['cmi.core.lesson_location']).toBe(quizPage);
    expect(v['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
    expect(run.sittings[1].currentPage).toBe(`#${quizPage}`);
    expect(cleanCalls(run)).toEqual([]);
  });

  // Moodle's 1.2 player marks each value as posted before it knows the post arrived: an answer
  // given while the session had expired would never reach Moodle, and the post made as the player
  // left (reported stored, as beacons are) would let the course believe all was well.
  it('loses its session mid-course: the learner is told, and after logging in again the answer given meanwhile reaches Moodle', async () => {
    const lang = 'en';
    const origins = courseContent(lang).modules.find((m) => m.slug === 'origins')!;
    const item = origins.items.filter(isScored)[0];
    const run = await playInMoodle(zip(lang, 'scorm12'), [
      { lang, actions: ['start', { loseSession: 'origins' }] },
      { lang, actions: ['start', { open: assessmentPage(lang) }, 'pass'] },
    ], { label: 'scorm12-en-session-lost', completion: PASSED_RULE });
    expect(ruleOf(run)).toBe('2');
    expect(run.sittings[0].notices).toContain('notice.lmsRefused');
    expect(run.api_calls.filter((c) => c.session === 1 && c.fn === 'LMSCommit' && c.ret === 'false').length).toBeGreaterThan(0);
    expect(run.sittings[1].notices).toContain('notice.restoredLocal');
    const v = values(run);
    // The answer given while the session was lost is in its module's objective.
    const objective = Object.keys(v).find((k) => /^cmi\.objectives[._]\d+\.id$/.test(k) && v[k] === 'origins');
    expect(objective, 'the origins objective, with the answer given while the session was lost').toBeDefined();
    expect(Number(v[objective!.replace(/id$/, 'score.raw')])).toBeGreaterThan(0);
    void item;
    expect(v['cmi.core.lesson_status']).toBe('passed');
    expect(run.grade?.grade).toBe(100);
    expect(completionDone(run), JSON.stringify(run.completion)).toBe(true);
  });
});

describe('SCORM 2004 4th edition in Moodle 4.3', () => {
  // The largest attempt there is: every quiz, every allowed attempt, a 4000-character comment.
  // Moodle's 2004 player posts all of it again with Terminate, by sendBeacon as the learner leaves;
  // with every interaction element of every quiz it would be about 76 KB, which Chromium refuses (false / 101).
  describe('a learner answers every quiz, fails twice, passes on the last attempt and leaves a long comment, in Italian', () => {
    const lang = 'it';
    const content = courseContent(lang);
    const assessment = content.modules.find((m) => m.slug === 'assessment')!;
    const comment = 'Mi è servito più di quanto pensassi; così rifletto meglio. '.repeat(70).slice(0, 4000);
    let run: MoodleRun;
    beforeAll(async () => {
      run = await playInMoodle(zip(lang, 'scorm2004'), [
        { lang, actions: ['start', 'quizzes', 'fail', 'retake', 'fail'] },
        { lang, actions: ['start', 'retake', 'pass', { evaluate: comment }] },
      ], { label: 'scorm2004-it-largest', completion: COMPLETED_RULE });
    }, 1_200_000);

    it('Moodle records passed and completed, the grade, completion Done, and the assessment and evaluation answers', () => {
      const v = values(run);
      expect(v['cmi.success_status']).toBe('passed');
      expect(v['cmi.completion_status']).toBe('completed');
      expect(v['cmi.score.raw']).toBe('100');
      expect(run.grade?.grade).toBe(100);
      expect(ruleOf(run)).toBe('4');
      expect(completionDone(run), JSON.stringify(run.completion)).toBe(true);
      // One interaction per assessment and evaluation item, holding the last attempt's answer;
      // each knowledge check is its module's objective.
      const ids = Object.keys(v).filter((k) => /^cmi\.interactions[._]\d+\.id$/.test(k)).map((k) => v[k]);
      expect(ids.sort()).toEqual(assessment.items.filter((i) => i.type !== 'reflection').map((i) => scorm2004Id(content.outline.id, i.id)).sort());
      const results = Object.keys(v).filter((k) => /^cmi\.interactions[._]\d+\.result$/.test(k)).map((k) => v[k]);
      expect(results).not.toContain('incorrect');
      expect(Object.values(v)).toContain(comment);
      const objectives = Object.keys(v).filter((k) => /^cmi\.objectives[._]\d+\.id$/.test(k)).map((k) => v[k]);
      // (besides the manifest's own mastery objective)
      expect(objectives).toEqual(expect.arrayContaining(content.modules.filter((m) => m.items.some(isScored)).map((m) => scorm2004Id(content.outline.id, m.slug))));
      expect(cleanCalls(run).filter((c) => c.fn !== 'Terminate')).toEqual([]);
    });

    it('each sitting ends with one post on the way out, and Terminate succeeds', () => {
      const unloading = run.api_calls.filter((c) => c.from_storage && (c.fn === 'Commit' || c.fn === 'Terminate'));
      expect(unloading.map((c) => c.fn)).toEqual(['Terminate', 'Terminate']);
      expect(ended(run).map((c) => [c.ret, c.err])).toEqual([['true', '0'], ['true', '0']]);
    });

    it('Moodle keeps the time of both sittings and the exit', () => {
      const v = values(run);
      const seconds = (d: string) => { const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(d) ?? []; return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0); };
      expect(seconds(v['cmi.total_time'] ?? 'PT0S')).toBeGreaterThan(seconds(v['cmi.session_time'] ?? 'PT0S'));
      // Suspended even when finished: Moodle hands a 2004 attempt's state back only after "suspend",
      // and a learner comes back for their result and certificate.
      expect(v['cmi.exit']).toBe('suspend');
    });
  });

  // A trust that shares reflections with the LMS (privacy.sendReflectionsToLms): sixteen free texts
  // join the post Moodle makes as the learner leaves, so the 2004 interactions go without question
  // text and time, and each reflection keeps its share of the room (unload-budget.ts).
  describe('a trust shares reflections: every reflection written long, every quiz, a pass', () => {
    const lang = 'en';
    const text = 'I noticed how tired I was, and how that shaped what I heard. '.repeat(60);
    let run: MoodleRun;
    let textBytes: number;
    beforeAll(async () => {
      const dist = buildWithSharedReflections();
      textBytes = unloadBudget({ id: courseContent(lang).outline.id, privacy: { sendReflectionsToLms: true }, modules: courseContent(lang).modules }).textBytes!;
      run = await playInMoodle(join(dist, lang, basename(zip(lang, 'scorm2004'))), [{ lang, actions: ['start', 'quizzes', { reflect: text }, 'pass'] }], { label: 'scorm2004-en-reflections-shared', completion: PASSED_RULE });
    }, 1_200_000);

    it('Terminate succeeds on the way out, and the learner was told their reflections were shortened', () => {
      expect(ended(run).map((c) => [c.ret, c.err])).toEqual([['true', '0']]);
      expect(run.sittings[0].notices).toContain('notice.reflectionTruncated');
      expect(values(run)['cmi.success_status']).toBe('passed');
      expect(ruleOf(run)).toBe('2');
      expect(completionDone(run), JSON.stringify(run.completion)).toBe(true);
    });

    it('Moodle holds every reflection, each the start of the text within its share, and no question text', () => {
      const v = values(run);
      const reflections = courseContent(lang).modules.flatMap((m) => m.items.filter((i) => i.type === 'reflection'));
      for (const r of reflections) {
        const key = Object.keys(v).find((k) => /^cmi\.interactions[._]\d+\.id$/.test(k) && v[k] === scorm2004Id(courseContent(lang).outline.id, r.id));
        expect(key, r.id).toBeDefined();
        const response = v[key!.replace(/id$/, 'learner_response')];
        expect(new TextEncoder().encode(response).length).toBeLessThanOrEqual(textBytes);
        expect(response.length).toBeGreaterThan(textBytes - 100);
        expect(text.replace(/\s+/g, ' ').startsWith(response)).toBe(true);
      }
      expect(Object.keys(v).filter((k) => /^cmi\.interactions[._]\d+[._]description$/.test(k))).toEqual([]);
    });
  });

  it('fails, comes back, retakes and passes; then the next launch is review, and "Start a new attempt" starts clean', async () => {
    const lang = 'en';
    const run = await playInMoodle(zip(lang, 'scorm2004'), [
      { lang, actions: ['start', { open: assessmentPage(lang) }, 'fail'] },
      { lang, actions: ['start', 'retake', 'pass'] },
      { lang, actions: ['start', { open: assessmentPage(lang) }] },
      { lang, actions: [{ reenter: 'newattempt' }] },
    ], { label: 'scorm2004-en-retake-review-new', completion: COMPLETED_RULE });
    expect(ruleOf(run)).toBe('4');
    expect(run.sittings[1].notices).not.toContain('notice.review');
    expect(run.sittings[1].result?.passed).toBe('true');
    expect(values(run, 1)['cmi.success_status']).toBe('passed');
    expect(run.grade?.grade).toBe(100);
    expect(completionDone(run), JSON.stringify(run.completion)).toBe(true);
    expect(run.sittings[2].notices).toContain('notice.review');
    expect(run.sittings[2].retakeOffered).toBe(false);
    expect(run.sittings[2].explains).toMatch(/start a new attempt/i);
    // The new attempt: Moodle's attempt 2, and the course starts from the beginning.
    expect(Object.keys(run.tracking?.attempts ?? {})).toContain('2');
    expect(run.sittings[3].notices).not.toContain('notice.review');
    expect(run.sittings[3].notices).not.toContain('notice.restoredLocal');
    expect(run.sittings[3].homeButton).toMatch(/start/i);
    expect(run.sittings[3].progress).toBe('0');
    expect(cleanCalls(run).filter((c) => c.fn !== 'Terminate')).toEqual([]);
  });

  it('Moodle Preview records nothing and the course says so', async () => {
    const lang = 'en';
    const run = await playInMoodle(zip(lang, 'scorm2004'), [
      { lang, actions: [{ reenter: 'browse' }, { open: assessmentPage(lang) }] },
    ], { label: 'scorm2004-en-preview' });
    const seen = run.sittings[0];
    expect(seen.notices).toContain('notice.browse');
    expect(seen.explains).toMatch(/preview/i);
    expect(seen.assessmentLocked).toBe(true);
    // The one Enter the driver makes starts attempt 1; Preview adds no status, score or grade.
    for (const attempt of Object.values(run.tracking?.attempts ?? {})) {
      const v = attempt[SCO] ?? {};
      expect(v['cmi.success_status'] ?? 'unknown').toBe('unknown');
      expect(v['cmi.score.raw']).toBeUndefined();
    }
    expect(run.grade?.grade ?? null).toBeNull();
    expect(completionDone(run)).toBe(false);
  });
});
