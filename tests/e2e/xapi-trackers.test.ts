// The cmi5 and Tin Can trackers in real Chromium against the test LRS, without the player: a bare
// page (tests/support/lrs/tracker-page) runs the real launchTracker and the test drives events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { launchBrowser } from '../../build/harness/browser';
import { startTestLrs, TEST_AUTH, type TestLrs } from '../../build/harness/lrs/lrs-front';
import { buildTrackerPage } from '../support/lrs/tracker-page/build';
import { Cmi5Lms, CMI5_CATEGORY, SESSION_EXT } from '../../build/harness/cmi5-launcher';
import { verbOf, waitForStatements } from '../../build/harness/lrs/package-host';

const AU = 'https://balint-course.org/xapi/course/balint-method/au';
let browser: Browser;
let lrs: TestLrs;
beforeAll(async () => {
  const [cmi5Dir, xapiDir] = [await buildTrackerPage('cmi5'), await buildTrackerPage('xapi')];
  browser = await launchBrowser();
  lrs = await startTestLrs();
  lrs.serve('/t/cmi5/', cmi5Dir);
  lrs.serve('/t/xapi/', xapiDir);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await lrs?.close();
});

async function ready(url: string, blockLibrary = false): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // The LRS library never arriving stands for a learner who leaves before it has loaded.
  if (blockLibrary) await page.route(/\/XAPI\.esm-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  page.on('pageerror', (e) => console.error(e));
  await page.goto(url);
  await page.waitForSelector('#status:text("ready")');
  return page;
}

const drive = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { harness: { tracker: import('../../src/events/tracker').Tracker; snap: (p: string) => import('../../src/events/tracker').Snapshot } }).harness;
    h.tracker.visitPage(h.snap('p1'));
    h.tracker.visitPage(h.snap('p2'));
    h.tracker.setResult({ scorePercent: 90, passed: true, completed: true, final: true }, h.snap('p2'));
  });

describe('trackers in the browser (no player)', () => {
  it('cmi5: token once, LaunchData read, statements in cmi5 order, resume document written', async () => {
    const lms = new Cmi5Lms(lrs, { dir: '', baseUrl: `${lrs.url}/t/cmi5/`, launchPath: 'index.html', activityId: AU });
    const launch = await lms.launch({ masteryScore: 0.7 });
    const page = await ready(launch.url);
    await drive(page);
    await page.goto('about:blank');
    const all = await waitForStatements(lrs, (a) => a.some((s) => s.context?.registration === launch.registration && verbOf(s) === 'terminated'));
    const list = all.filter((s) => s.context?.registration === launch.registration);
    expect(list.map(verbOf)).toEqual(['launched', 'initialized', 'experienced', 'experienced', 'completed', 'passed', 'suspended', 'terminated']);
    for (const s of list) expect(s.context?.extensions?.[SESSION_EXT]).toBe(launch.sessionId);
    expect(list.filter((s) => (s.context?.contextActivities?.category ?? []).some((c) => c.id === CMI5_CATEGORY)).map(verbOf)).toEqual(['launched', 'initialized', 'completed', 'passed', 'terminated']);
    expect(launch.fetchCalls()).toBe(1);
    expect([...lrs.documents.keys()].some((k) => k.includes(launch.registration) && k.endsWith('/state/resume'))).toBe(true);
    expect(lrs.requests.every((r) => r.version === '1.0.3')).toBe(true);
  });

  it('Tin Can: statements without cmi5 categories; a relaunch resumes from the State API', async () => {
    const registration = randomUUID();
    const q = new URLSearchParams({ endpoint: lrs.endpoint, auth: TEST_AUTH, actor: JSON.stringify({ mbox: 'mailto:t@example.org' }), registration, activity_id: AU });
    const page = await ready(`${lrs.url}/t/xapi/index.html?${q}`);
    await drive(page);
    await page.goto('about:blank');
    await waitForStatements(lrs, (a) => a.some((s) => s.context?.registration === registration && verbOf(s) === 'terminated'));
    const again = await ready(`${lrs.url}/t/xapi/index.html?${q}`);
    const launch = await again.evaluate(() => (window as unknown as { harness: { launch: { savedState: string; location: string } } }).harness.launch);
    expect(launch).toMatchObject({ savedState: 'state-at-p2', location: 'p2' });
    const all = await lrs.statements();
    expect(JSON.stringify(all.filter((s) => s.context?.registration === registration))).not.toContain('cmi5');
  });

  it('cmi5: a learner who leaves before the LRS library has loaded: every statement still arrives, terminated last, and the resume document is written', async () => {
    const lms = new Cmi5Lms(lrs, { dir: '', baseUrl: `${lrs.url}/t/cmi5/`, launchPath: 'index.html', activityId: AU });
    const launch = await lms.launch({ masteryScore: 0.7 });
    const page = await ready(launch.url, true);
    await drive(page);
    await page.goto('about:blank');
    const all = await waitForStatements(lrs, (a) => a.some((s) => s.context?.registration === launch.registration && verbOf(s) === 'terminated'));
    expect(all.filter((s) => s.context?.registration === launch.registration).map(verbOf)).toEqual(['launched', 'initialized', 'experienced', 'experienced', 'completed', 'passed', 'suspended', 'terminated']);
    expect([...lrs.documents.keys()].some((k) => k.includes(launch.registration) && k.endsWith('/state/resume'))).toBe(true);
  });
});
