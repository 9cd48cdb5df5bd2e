// One sitting of a learner in a real LMS's player, run by the rigs' drivers (Moodle's and Forma's
// run-scorm.mjs load it under tsx). The test says what the learner does; the step does it in the
// course's frame with the same course driver the fast e2e tests use, and writes what the learner saw
// into rig.result.sittings for the test to assert.
import type { Frame, Page } from 'playwright-core';
import { courseContent } from '../../../build/harness/course-content';
import { answerModuleQuiz, chooseAnswer, openPage, sendEvaluation, skipActionabilityChecks, takeAssessment } from '../../../build/harness/course-driver';
import { isScored } from '../../../src/content/types';
import { courseFrameOf, crashTab, dropLaunch, openActivityInNewTab } from './tabs';
import { markEndOfCourse } from '../support/forma';
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
  | { reenter: 'browse' | 'newattempt' } // back to Moodle's activity page, then Preview, or "Start a new attempt" + Enter
  | { quiz: string } // one module's quiz (by slug), every answer right
  | { next: number } // this many pages on by Next
  | 'offline' // the network drops for the whole browser (Playwright's context.setOffline)
  | 'online' // and comes back
  | { offlineFor: number } // stays offline until this many ms after the drop
  // Opens a page through the menu, as 'open' does, but gives up after 15 s and notes whether it
  // opened (seen.opened[as ?? pageId]): the learner's click may do nothing.
  | { tryOpen: string; as?: string }
  // Notes what the learner sees now (seen.looks[label]); with `until`, first waits up to 15 s for the
  // course's save state to read so.
  | { look: string; until?: SyncState }
  // A second sitting of the same attempt: a new tab opens the activity as the learner would, and the
  // actions that follow run there ('firstTab' goes back; 'closeSecondTab' closes it as a learner closes
  // a tab, unload and all, noting what it showed in seen.tabs.second).
  | 'secondTab'
  | 'firstTab'
  | 'closeSecondTab'
  // The learner plays in a tab whose renderer then dies (Chromium's CDP Page.crash): nothing of its
  // pagehide, visibilitychange or unload runs, as when a phone's OS reclaims a background tab. The
  // driver's own tab cannot be the one (Playwright closes a crashed page for good), so 'crashableTab'
  // first drops the driver's launch without a trace (its SCORM API disconnected, the tab parked on
  // about:blank) and opens the activity in a new tab; 'crash' kills that tab, and the sitting ends.
  | 'crashableTab'
  | 'crash';

export interface Sitting {
  lang: Lang;
  actions: Action[];
  /** Before the learner starts, the LMS is set as a trust would set it: Forma's course gets its
   *  SCORM object as "End course marker" (the course completes when the object does). */
  setup?: 'forma-end-course-marker';
}

/** The course header's save state (data-sync-state): saved, saving, offline. */
export type SyncState = 'saved' | 'saving' | 'offline';

/** A moment of the sitting as the learner saw it. */
export interface Look {
  syncState: string | null;
  syncText: string | null;
  notices: string[];
  currentPage: string | null;
  at: number;
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
  syncState: string | null;
  syncText: string | null;
  errors: string[];
  looks: Record<string, Look>;
  /** tryOpen: whether each page opened. */
  opened: Record<string, boolean>;
  /** What another tab of this sitting showed when it closed or crashed. */
  tabs: Record<string, SittingSeen>;
  /** When the network dropped and came back, and when a tab crashed (ms since 1970). */
  times: Record<string, number>;
  /** Forma: the bytes of the post its player makes to finish the session (its whole CMI tree as
   *  XML), as the sitting ends. While the page unloads it goes by sendBeacon, which Chromium refuses
   *  beyond 64 KiB in flight. */
  formaFinishBytes?: number;
}

interface Rig { result: Record<string, unknown>; log: (...m: unknown[]) => void; screenshot: (name: string) => Promise<string> }

/** Leaves the player for the activity page and enters again as Moodle offers: Preview, a new attempt, or Enter. */
async function reenter(page: Page, rig: Rig, how: 'browse' | 'newattempt' | 'normal'): Promise<Frame> {
  const cmid = (rig.result.course as { cmid: number }).cmid;
  await page.goto(`${new URL(page.url()).origin}/mod/scorm/view.php?id=${cmid}`);
  if (how === 'newattempt') await page.locator('#scormviewform input[name=newattempt]').check();
  await page.locator(`#scormviewform button[value=${how === 'browse' ? 'browse' : 'normal'}]`).click();
  await page.waitForURL(/\/mod\/scorm\/player\.php/);
  return courseFrameOf(page);
}

/** Next, once: forced (see skipActionabilityChecks), the careful click if the page did not move. */
async function nextPage(frame: Frame): Promise<void> {
  const title = await frame.locator('h1#page-title').innerText();
  const moved = (timeout?: number) => frame.waitForFunction((t) => document.querySelector('h1#page-title')?.textContent?.trim() !== t.trim(), title, { timeout });
  await frame.locator('.page-nav button.primary').click({ force: true, timeout: 5_000 }).catch(() => undefined);
  await moved(5_000).catch(async () => {
    await frame.locator('.page-nav button.primary').click();
    await moved();
  });
  await frame.waitForSelector('.page-nav');
}

/** A page through the menu, given up after 15 s: whether it opened. */
async function tryOpen(frame: Frame, pageId: string): Promise<boolean> {
  const current = () => frame.evaluate(() => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href'));
  await frame.evaluate((id) => {
    const link = document.querySelector<HTMLAnchorElement>(`#course-menu a[href="#${id}"]`);
    link?.closest('details')?.setAttribute('open', '');
    link?.click();
  }, pageId);
  return frame
    .waitForFunction((id) => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') === `#${id}` && !!document.querySelector('h1#page-title'), pageId, { timeout: 15_000 })
    .then(() => true, async () => (await current()) === `#${pageId}`);
}

export async function runSitting(page: Page, frameAtEntry: Frame, rig: Rig, sitting: Sitting): Promise<void> {
  let frame = frameAtEntry;
  const content = courseContent(sitting.lang);
  const teaching = content.modules.filter((m) => m.slug !== 'assessment');
  const assessment = content.modules.find((m) => m.slug === 'assessment')!;
  const errors: string[] = [];
  const looks: Record<string, Look> = {};
  const opened: Record<string, boolean> = {};
  const tabs: Record<string, SittingSeen> = {};
  const times: Record<string, number> = {};
  const origin = new URL(page.url()).origin;
  const result = rig.result as { lms?: string; course?: { cmid?: number }; launch_href?: string };
  /** The driver's tab and frame, while the learner acts in another tab. */
  let first: Frame | null = null;
  let second: Page | null = null;
  frame.page().on('pageerror', (e) => errors.push(e.message));
  // The LMS's player puts the course in a frame beside its own menus: a wide window gives the course
  // its desktop layout (the narrow layout is walked by the fast e2e tests).
  await page.setViewportSize({ width: 1800, height: 1200 });
  // A learner who has asked for less motion: no transitions for Playwright to wait out on every click.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  skipActionabilityChecks();
  await frame.waitForSelector('main', { timeout: 30_000 });
  await frame.waitForSelector('.mode, h1', { timeout: 30_000 });
  const finish = async (seen: SittingSeen) => {
    Object.assign(seen, { looks, opened, tabs, times });
    if (result.lms === 'forma' && !frame.page().isClosed()) {
      seen.formaFinishBytes = await frame.page().evaluate(`(() => { const api = window.API_1484_11 || window.API; return api && api.getStrTom ? new TextEncoder().encode(api.getStrTom()).length : undefined; })()`).catch(() => undefined) as number | undefined;
    }
    ((rig.result.sittings as SittingSeen[] | undefined) ??= []).push(seen);
  };
  const inNewTab = async () => {
    const launched = await openActivityInNewTab(page.context(), origin, result);
    launched.tab.on('pageerror', (e) => errors.push(e.message));
    await launched.frame.waitForSelector('.mode, h1', { timeout: 30_000 });
    second = launched.tab;
    return launched.frame;
  };
  if (sitting.setup === 'forma-end-course-marker') markEndOfCourse((rig.result.course as { courseid: number }).courseid);
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
      while ((await frame.locator('.page-nav button.primary').count()) > 0) await nextPage(frame);
    } else if (action === 'quizzes') {
      for (const mod of teaching) await answerModuleQuiz(frame, mod, true);
    } else if (action === 'pass' || action === 'fail') {
      await takeAssessment(frame, assessment, action === 'pass');
    } else if (action === 'retake') {
      const page = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!;
      await openPage(frame, page.id);
      await frame.locator('#assessment-result button.primary').click();
      await frame.waitForSelector('#assessment-result', { state: 'detached' });
    } else if (action === 'offline' || action === 'online') {
      await page.context().setOffline(action === 'offline');
      times[action] = Date.now();
    } else if (action === 'secondTab') {
      first = frame;
      frame = await inNewTab();
    } else if (action === 'firstTab') {
      frame = first!;
    } else if (action === 'closeSecondTab') {
      const tab = second as Page | null;
      if (!tab) throw new Error('closeSecondTab: no second tab is open');
      tabs.second = await look(await courseFrameOf(tab), errors);
      await tab.close({ runBeforeUnload: true });
      // Let its last posts land before the sitting goes on.
      await page.waitForTimeout(1_500);
      times.secondTabClosed = Date.now();
      second = null;
    } else if (action === 'crashableTab') {
      await dropLaunch(page);
      frame = await inNewTab();
    } else if (action === 'crash') {
      const tab = second as Page | null;
      if (!tab) throw new Error('crash: the learner is not in a tab that may crash (crashableTab first)');
      tabs.crashed = await look(frame, errors);
      await rig.screenshot('before-crash');
      times.crash = await crashTab(tab);
      rig.log('the tab crashed');
      frame = page.mainFrame();
      return finish(await lookAt(null, errors));
    } else if (typeof action === 'object' && 'loseSession' in action) {
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
      return finish(seen);
    } else if (typeof action === 'object' && 'reflect' in action) {
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
    } else if (typeof action === 'object' && 'evaluate' in action) {
      await sendEvaluation(frame, assessment, action.evaluate);
    } else if (typeof action === 'object' && 'open' in action) {
      await openPage(frame, action.open);
    } else if (typeof action === 'object' && 'tryOpen' in action) {
      const key = action.as ?? action.tryOpen;
      opened[key] = await tryOpen(frame, action.tryOpen);
      rig.log(`page ${action.tryOpen} opened: ${opened[key]}`);
    } else if (typeof action === 'object' && 'quiz' in action) {
      await answerModuleQuiz(frame, content.modules.find((m) => m.slug === action.quiz)!, true);
    } else if (typeof action === 'object' && 'next' in action) {
      for (let n = 0; n < action.next; n++) await nextPage(frame);
    } else if (typeof action === 'object' && 'offlineFor' in action) {
      const left = (times.offline ?? Date.now()) + action.offlineFor - Date.now();
      if (left > 0) await page.waitForTimeout(left);
    } else if (typeof action === 'object' && 'look' in action) {
      if (action.until) {
        await frame.waitForSelector(`[data-sync-state="${action.until}"]`, { timeout: 15_000 }).catch(() => undefined);
      }
      const seen = await look(frame, errors);
      looks[action.look] = { syncState: seen.syncState, syncText: seen.syncText, notices: seen.notices, currentPage: seen.currentPage, at: Date.now() };
      await rig.screenshot(`look-${action.look}`);
    } else if (typeof action === 'object' && 'reenter' in action) {
      frame = await reenter(page, rig, action.reenter);
      await frame.waitForSelector('.mode, h1', { timeout: 30_000 });
    } else if (typeof action === 'object' && 'wait' in action) {
      await frame.waitForTimeout(action.wait);
    }
  }
  if (second) await (second as Page).close({ runBeforeUnload: true });
  await rig.screenshot(`sitting-${sitting.actions.length}`);
  await finish(await look(frame, errors));
}

/** What the learner sees in the course now (nothing, when the course is gone). */
async function lookAt(frame: Frame | null, errors: string[]): Promise<SittingSeen> {
  const blank: SittingSeen = {
    notices: [], noticeText: '', title: '', currentPage: null, result: null, retakeOffered: false, assessmentLocked: null, explains: null,
    homeButton: null, progress: null, syncState: null, syncText: null, errors: [...errors], looks: {}, opened: {}, tabs: {}, times: {},
  };
  return frame ? look(frame, errors) : blank;
}

/** What the learner sees in the course now. */
async function look(frame: Frame, errors: string[]): Promise<SittingSeen> {
  const seen = await frame.evaluate(() => {
    const result = document.querySelector('#assessment-result');
    const locked = document.querySelector('.assessment input');
    const sync = document.querySelector('[data-sync-state]') as HTMLElement | null;
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
      syncState: sync?.getAttribute('data-sync-state') ?? null,
      syncText: sync?.innerText ?? null,
    };
  });
  return { ...seen, errors: [...errors], looks: {}, opened: {}, tabs: {}, times: {} };
}
