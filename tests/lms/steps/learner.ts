// One sitting of a learner in a real LMS's player, run by the rigs' drivers (Moodle's run-scorm.mjs
// loads it under tsx). The test says what the learner does; the step does it in the course's frame
// with the same course driver the fast e2e tests use, and writes what the learner saw into
// rig.result.sittings for the test to assert.
import type { Frame, Page } from 'playwright-core';
import { courseContent } from '../../../build/harness/course-content';
import { answerModuleQuiz, chooseAnswer, openPage, sendEvaluation, skipActionabilityChecks, takeAssessment } from '../../../build/harness/course-driver';
import { isScored } from '../../../src/content/types';
import type { Lang } from '../../../src/content/types';

export type Action =
  | 'start' // Start / Continue on the title page
  | 'walk' // every page by Next, from where the learner is to the end
  | 'quizzes' // every module quiz answered right
  | 'pass' // the final assessment, every answer right
  | 'fail' // the final assessment, every answer wrong
  | 'retake' // "Take the assessment again"
  | { open: string } // a page by its id, through the menu
  | { evaluate: string } // the course evaluation: every scale rated, this comment, sent
  | { reflect: string } // every reflection of every module written with this text and saved
  // The Moodle session is lost (the browser's cookies go) just before the learner answers the first
  // question of this module's quiz: Moodle answers the player's posts as it answers anyone not
  // logged in (the commit fails), then sends its player to the login page. The learner logs in again
  // (the cookies come back). Ends the sitting.
  | { loseSession: string }
  | { wait: number } // ms, e.g. for the LMS to settle
  | { reenter: 'browse' | 'newattempt' }; // back to Moodle's activity page, then Preview, or "Start a new attempt" + Enter

export interface Sitting {
  lang: Lang;
  actions: Action[];
}

/** What the learner saw at the end of the sitting. */
export interface SittingSeen {
  notices: string[];
  noticeText: string;
  title: string;
  currentPage: string | null;
  result: { passed: string | null; text: string } | null;
  retakeOffered: boolean;
  assessmentLocked: boolean | null;
  /** The course's own words on why nothing is recorded here (review or preview), if shown. */
  explains: string | null;
  /** The title page's main button (Start on a new attempt, Continue on a resumed one), if shown. */
  homeButton: string | null;
  progress: string | null;
  errors: string[];
}

interface Rig { result: Record<string, unknown>; log: (...m: unknown[]) => void; screenshot: (name: string) => Promise<string> }

/** The course's frame in Moodle's player. */
async function courseFrame(page: Page): Promise<Frame> {
  for (let n = 0; n < 300; n++) {
    const f = page.frames().find((x) => /\/mod_scorm\/content\//.test(x.url()));
    if (f) {
      await f.waitForSelector('main', { timeout: 30_000 });
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the course frame never loaded in the player');
}

/** Leaves the player for the activity page and enters again as Moodle offers: Preview, or a new attempt. */
async function reenter(page: Page, rig: Rig, how: 'browse' | 'newattempt'): Promise<Frame> {
  const cmid = (rig.result.course as { cmid: number }).cmid;
  await page.goto(`${new URL(page.url()).origin}/mod/scorm/view.php?id=${cmid}`);
  if (how === 'newattempt') await page.locator('#scormviewform input[name=newattempt]').check();
  await page.locator(`#scormviewform button[value=${how === 'browse' ? 'browse' : 'normal'}]`).click();
  await page.waitForURL(/\/mod\/scorm\/player\.php/);
  return courseFrame(page);
}

export async function runSitting(page: Page, frameAtEntry: Frame, rig: Rig, sitting: Sitting): Promise<void> {
  let frame = frameAtEntry;
  const content = courseContent(sitting.lang);
  const teaching = content.modules.filter((m) => m.slug !== 'assessment');
  const assessment = content.modules.find((m) => m.slug === 'assessment')!;
  const errors: string[] = [];
  frame.page().on('pageerror', (e) => errors.push(e.message));
  // Moodle's player puts the course in a frame beside its own menus: a wide window gives the course
  // its desktop layout (the narrow layout is walked by the fast e2e tests).
  await page.setViewportSize({ width: 1800, height: 1200 });
  // A learner who has asked for less motion: no transitions for Playwright to wait out on every click.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  skipActionabilityChecks();
  await frame.waitForSelector('main', { timeout: 30_000 });
  await frame.waitForSelector('.mode, h1', { timeout: 30_000 });
  for (const action of sitting.actions) {
    rig.log('action', JSON.stringify(action));
    if (action === 'start') {
      // A first launch shows the title page; a resumed one opens on the bookmarked page itself.
      await frame.waitForSelector('.page-nav, main .actions button.primary');
      if ((await frame.locator('.page-nav').count()) === 0) await frame.locator('main .actions button.primary').click();
      // The title page has an h1#page-title too: wait for the module page itself.
      await frame.waitForSelector('.page-nav');
    } else if (action === 'walk') {
      await frame.waitForSelector('.page-nav');
      while ((await frame.locator('.page-nav button.primary').count()) > 0) {
        const title = await frame.locator('h1#page-title').innerText();
        const moved = (timeout?: number) => frame.waitForFunction((t) => document.querySelector('h1#page-title')?.textContent?.trim() !== t.trim(), title, { timeout });
        // Forced (see skipActionabilityChecks); the careful click if the page did not move.
        await frame.locator('.page-nav button.primary').click({ force: true, timeout: 5_000 }).catch(() => undefined);
        await moved(5_000).catch(async () => {
          await frame.locator('.page-nav button.primary').click();
          await moved();
        });
        await frame.waitForSelector('.page-nav');
      }
    } else if (action === 'quizzes') {
      for (const mod of teaching) await answerModuleQuiz(frame, mod, true);
    } else if (action === 'pass' || action === 'fail') {
      await takeAssessment(frame, assessment, action === 'pass');
    } else if (action === 'retake') {
      const page = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!;
      await openPage(frame, page.id);
      await frame.locator('#assessment-result button.primary').click();
      await frame.waitForSelector('#assessment-result', { state: 'detached' });
    } else if ('loseSession' in action) {
      const mod = content.modules.find((m) => m.slug === action.loseSession)!;
      const item = mod.items.filter(isScored)[0];
      const form = `form[data-item="${item.id}"]`;
      await openPage(frame, mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'))!.id);
      await chooseAnswer(frame, form, item, true);
      const cookies = await page.context().cookies();
      await page.context().clearCookies();
      await frame.locator(`${form} button[type=submit]`).click({ force: true });
      await frame.waitForSelector('[data-notice="notice.lmsRefused"]', { timeout: 15_000 });
      const seen = await look(frame, errors);
      await page.waitForURL(/\/login\//, { timeout: 30_000 }).catch(() => undefined);
      rig.log('after the lost session the player is at', page.url());
      await rig.screenshot('session-lost');
      await page.context().addCookies(cookies);
      ((rig.result.sittings as SittingSeen[] | undefined) ??= []).push(seen);
      return;
    } else if ('reflect' in action) {
      for (const mod of teaching) {
        const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'));
        if (!quizPage || !mod.items.some((i) => i.type === 'reflection')) continue;
        await openPage(frame, quizPage.id);
        for (const form of await frame.locator('form.reflection').all()) {
          await form.locator('textarea').fill(action.reflect);
          await form.locator('button[type=submit]').click({ force: true });
          await form.locator('.save-status:not(:empty)').waitFor();
        }
      }
    } else if ('evaluate' in action) {
      await sendEvaluation(frame, assessment, action.evaluate);
    } else if ('open' in action) {
      await openPage(frame, action.open);
    } else if ('reenter' in action) {
      frame = await reenter(page, rig, action.reenter);
      await frame.waitForSelector('.mode, h1', { timeout: 30_000 });
    } else if ('wait' in action) {
      await frame.waitForTimeout(action.wait);
    }
  }
  await rig.screenshot(`sitting-${sitting.actions.length}`);
  const seen = await look(frame, errors);
  const sittings = ((rig.result.sittings as SittingSeen[] | undefined) ??= []);
  sittings.push(seen);
}

/** What the learner sees in the course now. */
async function look(frame: Frame, errors: string[]): Promise<SittingSeen> {
  const seen: SittingSeen = await frame.evaluate(() => {
    const result = document.querySelector('#assessment-result');
    const locked = document.querySelector('.assessment input');
    return {
      notices: [...document.querySelectorAll('[data-notice]')].map((n) => n.getAttribute('data-notice') ?? ''),
      noticeText: [...document.querySelectorAll('[data-notice]')].map((n) => (n as HTMLElement).innerText).join('\n'),
      title: document.querySelector('h1')?.textContent?.trim() ?? '',
      currentPage: document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') ?? null,
      result: result ? { passed: result.getAttribute('data-passed'), text: (result as HTMLElement).innerText } : null,
      retakeOffered: !!document.querySelector('#assessment-result button.primary'),
      assessmentLocked: locked ? (locked as HTMLInputElement).disabled : null,
      explains: (document.querySelector('[data-explains]') as HTMLElement | null)?.innerText ?? null,
      homeButton: (document.querySelector('main .actions button.primary') as HTMLElement | null)?.innerText ?? null,
      progress: document.querySelector('.progress-bar')?.getAttribute('aria-valuenow') ?? null,
      errors: [],
    };
  });
  seen.errors = [...errors];
  return seen;
}
