// The SCORM zips in scorm-again's real runtime (build/harness/lms): what the LMS finally holds
// after a pass, a fail, leaving halfway, and each failure path a real LMS can produce.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../build/harness/browser';
import { LmsSession, startLmsServer, type LmsServer, type LmsCall } from '../../build/harness/lms/lms-session';
import { courseContent } from '../../build/harness/course-content';
import { answerModuleQuiz, openPage, takeAssessment, skipActionabilityChecks } from '../../build/harness/course-driver';
import { isScored } from '../../src/content/types';
import { OUTPUT } from '../../build/harness/paths';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scorm2004Id } from '../../src/scorm2004/identifiers';

// This file checks what is recorded, not how controls respond to a pointer (keyboard-complete,
// keyboard-complete and accessibility do that): actions skip Playwright's waits, and each still shows its effect.
skipActionabilityChecks();

const content = courseContent('en');
const assessment = content.modules.find((m) => m.slug === 'assessment')!;
const teaching = content.modules.filter((m) => m.slug !== 'assessment');
const scoredInModules = teaching.reduce((n, m) => n + m.items.filter(isScored).length, 0);
const scoredInAssessment = assessment.items.filter(isScored).length;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const sets = (log: LmsCall[], element: string) => log.filter((c) => /SetValue$/.test(c.method) && c.element === element);
const commits = (log: LmsCall[]) => log.filter((c) => /Commit$/.test(c.method)).length;
const SCORM12_TIME = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const ISO_DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;

for (const standard of ['scorm12', 'scorm2004'] as const) {
  const is12 = standard === 'scorm12';
  const el = {
    location: is12 ? 'cmi.core.lesson_location' : 'cmi.location',
    exit: is12 ? 'cmi.core.exit' : 'cmi.exit',
    sessionTime: is12 ? 'cmi.core.session_time' : 'cmi.session_time',
    scoreRaw: is12 ? 'cmi.core.score.raw' : 'cmi.score.raw',
    mode: is12 ? 'cmi.core.lesson_mode' : 'cmi.mode',
    status: is12 ? 'cmi.core.lesson_status' : 'cmi.completion_status',
  };

  describe(`${standard} package in a scorm-again LMS`, () => {
    let lms: LmsServer;
    beforeAll(async () => {
      lms = await startLmsServer('en', standard);
    });
    afterAll(async () => {
      await lms?.close();
    });

    it('records a pass: status, score, the answers as interactions, objectives per module, session time', async () => {
      const s = await LmsSession.launch(browser, lms, { standard });
      const frame = s.course();
      let answered = 0;
      for (const mod of teaching) answered += await answerModuleQuiz(frame, mod, true);
      answered += await takeAssessment(frame, assessment, true);
      expect(await frame.locator('#assessment-result').getAttribute('data-passed')).toBe('true');
      await s.closeCourse();
      const log = await s.log();

      if (is12) {
        expect(await s.lastSet('cmi.core.lesson_status')).toBe('passed');
        expect(await s.lastSet('cmi.core.score.raw')).toBe('100');
        expect(await s.lastSet('cmi.core.score.min')).toBe('0');
        expect(await s.lastSet('cmi.core.score.max')).toBe('100');
        // The status is committed before the score, in its own commit: Moodle judges completion when
        // the score is stored, from the status it holds then (the Moodle model tests show why).
        const order = log.filter((c) => c.element === 'cmi.core.score.raw' || c.element === 'cmi.core.lesson_status' || c.method === 'LMSCommit').map((c) => (c.method === 'LMSCommit' ? 'commit' : c.element));
        const status = order.lastIndexOf('cmi.core.lesson_status');
        const score = order.lastIndexOf('cmi.core.score.raw');
        expect(status).toBeLessThan(score);
        expect(order.slice(status, score)).toContain('commit');
      } else {
        expect(await s.lastSet('cmi.success_status')).toBe('passed');
        expect(await s.lastSet('cmi.completion_status')).toBe('completed');
        expect(await s.lastSet('cmi.score.scaled')).toBe('1.00');
        expect(await s.lastSet('cmi.score.raw')).toBe('100');
        expect(await s.lastSet('cmi.score.min')).toBe('0');
        expect(await s.lastSet('cmi.score.max')).toBe('100');
      }
      // Both versions record the final assessment's answers, one interaction per item; each knowledge
      // check is its module's objective (LMSs post everything again as the learner leaves, within 64 KiB).
      expect(answered).toBe(scoredInModules + scoredInAssessment);
      const byIndex = new Map(log.filter((c) => /SetValue$/.test(c.method) && /^cmi\.interactions\.\d+\.id$/.test(c.element ?? '')).map((c) => [c.element, c.value]));
      const answeredIds = new Set(log.filter((c) => /SetValue$/.test(c.method) && /^cmi\.interactions\.\d+\.(student|learner)_response$/.test(c.element ?? '')).map((c) => byIndex.get(c.element!.replace(/\.(student|learner)_response$/, '.id'))));
      // SCORM 2004 ids are URNs of the course's ids (strict runtimes refuse anything but a URI).
      expect(answeredIds).toEqual(new Set(assessment.items.filter(isScored).map((i) => (is12 ? i.id : scorm2004Id(content.outline.id, i.id)))));
      const results = log.filter((c) => /SetValue$/.test(c.method) && /^cmi\.interactions\.\d+\.result$/.test(c.element ?? '')).map((c) => c.value);
      expect(new Set(results)).toEqual(new Set(['correct']));
      const objectiveIds = new Set(log.filter((c) => /^cmi\.objectives\.\d+\.id$/.test(c.element ?? '')).map((c) => c.value));
      for (const mod of content.modules.filter((m) => m.items.some(isScored))) expect(objectiveIds.has(is12 ? mod.slug : scorm2004Id(content.outline.id, mod.slug))).toBe(true);
      const time = await s.lastSet(el.sessionTime);
      expect(time).toMatch(is12 ? SCORM12_TIME : ISO_DURATION);
      // Suspended even when finished, so a learner who comes back finds their result and certificate.
      expect(await s.lastSet(el.exit)).toBe('suspend');
      expect(log.filter((c) => /^(LMSFinish|Terminate)$/.test(c.method))).toHaveLength(1);
      if (is12) for (const c of sets(log, 'cmi.suspend_data')) expect(c.value!.length).toBeLessThanOrEqual(4096);
      expect(log.every((c) => !/SetValue$/.test(c.method) || c.result === 'true'), JSON.stringify(log.filter((c) => c.result === 'false'))).toBe(true);
      expect(s.errors).toEqual([]);
      await s.context.close();
    });

    it('records a fail and offers a retake as course.json allows, in this sitting or the next', async () => {
      const s = await LmsSession.launch(browser, lms, { standard });
      const frame = s.course();
      await takeAssessment(frame, assessment, false);
      expect(await frame.locator('#assessment-result').getAttribute('data-passed')).toBe('false');
      await expect(frame.locator('.assessment button', { hasText: /again/i }).isVisible()).resolves.toBe(true);
      // Retakes remain, so the attempt is not over: reported unfinished (an LMS opens a finished
      // attempt in review, where no retake can be recorded). 1.2 keeps the score back until the end.
      if (is12) {
        expect(await s.lastSet('cmi.core.lesson_status')).toBe('incomplete');
        expect(await s.lastSet('cmi.core.score.raw')).toBeUndefined();
      } else {
        expect(await s.lastSet('cmi.success_status')).toBe('failed');
        expect(await s.lastSet('cmi.completion_status')).toBe('incomplete');
      }
      await s.closeCourse();
      // Retakes remain, so the learner may come back: the attempt is suspended, not closed.
      expect(await s.lastSet(el.exit)).toBe('suspend');
      const suspend = (await s.lastSet('cmi.suspend_data'))!;
      const location = (await s.lastSet(el.location))!;
      await s.context.close();

      // The next sitting, with what the LMS kept: not review, and the retake counts.
      const data: Record<string, string> = is12
        ? { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': location, 'cmi.suspend_data': suspend, 'cmi.core.entry': 'resume' }
        : { 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'failed', 'cmi.score.raw': '0', 'cmi.score.scaled': '0', 'cmi.location': location, 'cmi.suspend_data': suspend, 'cmi.entry': 'resume' };
      const again = await LmsSession.launch(browser, lms, { standard, data });
      const f2 = again.course();
      await f2.waitForSelector('.mode');
      expect(await f2.locator('[data-notice="notice.review"]').count()).toBe(0);
      await f2.locator('.assessment button', { hasText: /again/i }).click();
      await takeAssessment(f2, assessment, true);
      expect(await f2.locator('#assessment-result').getAttribute('data-passed')).toBe('true');
      if (is12) expect(await again.lastSet('cmi.core.lesson_status')).toBe('passed');
      else expect(await again.lastSet('cmi.success_status')).toBe('passed');
      expect(await again.lastSet(is12 ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe('100');
      await again.context.close();
    });

    it('leaving halfway suspends with a bookmark, and relaunching resumes on the same page with the answers', async () => {
      const first = await LmsSession.launch(browser, lms, { standard });
      const frame = first.course();
      const mod = teaching[1];
      await answerModuleQuiz(frame, mod, true);
      const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'))!;
      await first.closeCourse();
      const log = await first.log();
      const location = await first.lastSet(el.location);
      const suspend = await first.lastSet('cmi.suspend_data');
      expect(location).toBe(quizPage.id);
      expect(suspend && suspend.length).toBeGreaterThan(0);
      expect(await first.lastSet(el.exit)).toBe('suspend');
      expect(is12 ? await first.lastSet('cmi.core.lesson_status') : await first.lastSet('cmi.completion_status')).toBe('incomplete');
      if (is12) for (const c of sets(log, 'cmi.suspend_data')) expect(c.value!.length).toBeLessThanOrEqual(4096);
      await first.context.close();

      const data: Record<string, string> = is12
        ? { 'cmi.core.lesson_location': location!, 'cmi.suspend_data': suspend!, 'cmi.core.lesson_status': 'incomplete', 'cmi.core.entry': 'resume' }
        : { 'cmi.location': location!, 'cmi.suspend_data': suspend!, 'cmi.completion_status': 'incomplete', 'cmi.entry': 'resume' };
      const again = await LmsSession.launch(browser, lms, { standard, data });
      const f2 = again.course();
      await f2.waitForFunction((id) => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') === `#${id}`, quizPage.id);
      for (const item of mod.items.filter(isScored)) {
        await f2.waitForSelector(`form[data-item="${item.id}"][data-state="right"]`);
      }
      expect(again.errors).toEqual([]);
      await again.context.close();
    });

    it('counts one commit per page change', async () => {
      const s = await LmsSession.launch(browser, lms, { standard });
      const frame = s.course();
      const before = commits(await s.log());
      const pages = teaching[0].pages.slice(0, 4);
      for (const p of pages) await openPage(frame, p.id);
      expect(commits(await s.log()) - before).toBe(pages.length);
      await s.context.close();
    });

    it('keeps the work when the LMS refuses a value: the learner is told, the value is sent again', async () => {
      const s = await LmsSession.launch(browser, lms, { standard, refuse: { 'cmi.suspend_data': { code: '351', times: 2 } } });
      const frame = s.course();
      const pages = teaching[0].pages;
      await openPage(frame, pages[0].id);
      await frame.waitForSelector('[data-notice="notice.lmsRefused"]');
      await openPage(frame, pages[1].id);
      await openPage(frame, pages[2].id);
      await s.closeCourse();
      const data = await s.lastSet('cmi.suspend_data');
      expect(data && data.length).toBeGreaterThan(0);
      expect(await s.lastSet(el.location)).toBe(pages[2].id);
      await s.context.close();
    });

    it('runs standalone with a notice when the LMS will not initialise', async () => {
      const s = await LmsSession.launch(browser, lms, { standard, initFails: true });
      await s.course().waitForSelector('[data-notice="notice.lmsInitFailed"]');
      expect(await s.course().locator('.mode').innerText()).toMatch(/not reporting/i);
      await s.context.close();
    });

    it('starts safely and says so when the LMS returns garbage for suspend_data and location', async () => {
      const data: Record<string, string> = is12
        ? { 'cmi.core.lesson_location': '\u0000nowhere', 'cmi.suspend_data': '%%{not our data', 'cmi.core.lesson_status': 'incomplete' }
        : { 'cmi.location': '\u0000nowhere', 'cmi.suspend_data': '%%{not our data', 'cmi.completion_status': 'incomplete' };
      const s = await LmsSession.launch(browser, lms, { standard, data });
      await s.course().waitForSelector('[data-notice="notice.state.corrupt"]');
      await openPage(s.course(), teaching[0].pages[1].id);
      expect(s.errors).toEqual([]);
      await s.context.close();
    });

    it('keeps answers given just before the tab closed', async () => {
      const first = await LmsSession.launch(browser, lms, { standard });
      const mod = teaching[Math.min(2, teaching.length - 1)];
      await answerModuleQuiz(first.course(), mod, false);
      await first.closeCourse();
      const suspend = await first.lastSet('cmi.suspend_data');
      const location = await first.lastSet(el.location);
      await first.context.close();
      const data: Record<string, string> = is12
        ? { 'cmi.core.lesson_location': location!, 'cmi.suspend_data': suspend!, 'cmi.core.lesson_status': 'incomplete', 'cmi.core.entry': 'resume' }
        : { 'cmi.location': location!, 'cmi.suspend_data': suspend!, 'cmi.completion_status': 'incomplete', 'cmi.entry': 'resume' };
      const again = await LmsSession.launch(browser, lms, { standard, data });
      for (const item of mod.items.filter(isScored)) await again.course().waitForSelector(`form[data-item="${item.id}"][data-state="wrong"]`);
      await again.context.close();
    });

    it('opens a finished attempt in review and changes neither status nor score', async () => {
      const data: Record<string, string> = is12
        ? { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90' }
        : { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.raw': '90', 'cmi.score.scaled': '0.9' };
      const s = await LmsSession.launch(browser, lms, { standard, data });
      await s.course().waitForSelector('[data-notice="notice.review"]');
      await openPage(s.course(), teaching[0].pages[1].id);
      await s.closeCourse();
      const log = await s.log();
      const changed = log.filter((c) => /SetValue$/.test(c.method) && /status|score/.test(c.element ?? ''));
      expect(changed).toEqual([]);
      await s.context.close();
    });
  });
}

describe('a SCORM package opened without an LMS', () => {
  it('runs standalone and tells the learner nothing is reported', async () => {
    const { serveStatic } = await import('../../build/harness/static-server');
    const { unpack } = await import('../../build/harness/packages');
    const server = await serveStatic({ '/': unpack('en', 'scorm12') });
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector('[data-notice="notice.noLms"]');
    await ctx.close();
    await server.close();
  });
});

describe('retakes left, counted in the learner\'s language', () => {
  // course.json allows 3 attempts: after two fails one retake is left, and the sentence says so in the singular.
  it.each([
    ['en', '(2 more attempts allowed)', '(1 more attempt allowed)'],
    ['it', '(ancora 2 tentativi)', '(ancora 1 tentativo)'],
  ] as const)('%s: two fails leave "%s", then "%s"', async (lang, afterFirst, afterSecond) => {
    const finalAssessment = courseContent(lang).modules.find((m) => m.slug === 'assessment')!;
    const lms = await startLmsServer(lang, 'scorm12');
    try {
      const s = await LmsSession.launch(browser, lms, { standard: 'scorm12' });
      const frame = s.course();
      const result = frame.locator('#assessment-result');
      await takeAssessment(frame, finalAssessment, false);
      await expect(result.innerText()).resolves.toContain(afterFirst);
      await result.locator('button.primary').click();
      await takeAssessment(frame, finalAssessment, false);
      const text = await result.innerText();
      expect(text).toContain(afterSecond);
      mkdirSync(OUTPUT, { recursive: true });
      await result.screenshot({ path: join(OUTPUT, `retakes-left-${lang}.png`) });
      expect(s.errors).toEqual([]);
      await s.context.close();
    } finally {
      await lms.close();
    }
  });
});
