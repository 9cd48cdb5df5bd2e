// More than one tab in a learner's sitting: a second sitting of the same attempt opened in a new
// tab, and a tab whose renderer dies. Works in Moodle's and Forma's players.
import type { BrowserContext, Frame, Page } from 'playwright-core';

interface RigResult { lms?: string; course?: { cmid?: number }; launch_href?: string }

const SCO_FRAME = /\/mod_scorm\/content\/|\/files\/appLms\/scorm\/.+_content\//;

export async function courseFrameOf(page: Page): Promise<Frame> {
  for (let n = 0; n < 600; n++) {
    const f = page.frames().find((x) => SCO_FRAME.test(x.url()));
    if (f) {
      await f.waitForSelector('main', { timeout: 30_000 });
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the course frame never loaded in the player');
}

/** Opens the activity in a new tab as the learner would: Moodle's activity page and Enter (the
 *  same attempt), or Forma's play link. */
export async function openActivityInNewTab(context: BrowserContext, origin: string, result: RigResult): Promise<{ tab: Page; frame: Frame }> {
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1800, height: 1200 });
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  if (result.lms === 'forma') {
    await tab.goto(new URL(result.launch_href!, `${origin}/appLms/`).href);
  } else {
    await tab.goto(`${origin}/mod/scorm/view.php?id=${result.course!.cmid}`);
    await tab.locator('#scormviewform button[value=normal]').click();
    await tab.waitForURL(/\/mod\/scorm\/player\.php/);
  }
  return { tab, frame: await courseFrameOf(tab) };
}

/** The driver's own launch leaves no trace: its player's SCORM API stops answering for the course
 *  (and Forma's player stops finishing on its own), then the tab goes to about:blank. Whatever the
 *  course does on the way out reaches nobody. */
export async function dropLaunch(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`for (const name of ['API', 'API_1484_11']) {
    const api = window[name];
    if (!api) continue;
    for (const fn of ['Initialize', 'Terminate', 'Commit', 'SetValue', 'LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSSetValue']) api[fn] = function () { return 'true'; };
    for (const fn of ['GetValue', 'LMSGetValue']) api[fn] = function () { return ''; };
    // Forma's player posts Finish itself on beforeunload unless it has already.
    api.finish_launched = true;
  }`);
  await page.goto('about:blank');
}

/** Kills the tab's renderer (CDP Page.crash): the page dies with no pagehide, visibilitychange or
 *  unload. Then the dead tab is closed, as the learner's phone discards it (no renderer is left to
 *  run anything), so the drivers never take it for the player. Returns the time of the crash. */
export async function crashTab(tab: Page): Promise<number> {
  const crashed = new Promise<void>((done) => tab.once('crash', () => done()));
  const cdp = await tab.context().newCDPSession(tab);
  const at = Date.now();
  // The session dies with the renderer: its answer never comes.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await tab.close().catch(() => undefined);
  return at;
}
