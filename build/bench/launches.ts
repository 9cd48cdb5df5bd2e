// How the first-control benchmark opens each package, as its LMS would, for a new learner and for a
// returning one; and the sitting that makes the returning learner: a real session in the same
// harness, unthrottled, that opens the bookmarked page, answers its knowledge checks and leaves.
// What the LMS or LRS kept from it is what every resumed launch is handed:
// - SCORM 1.2 / 2004: the test LMS page (scorm-again) with the bookmark, suspend data and status the
//   course set, and entry "resume";
// - cmi5: a new session of the same registration (the State API holds the state);
// - Tin Can: the same actor and registration (the State API holds the state), with a credential the
//   test LMS issued (a cmi5 session token: the test LRS knows no other but its test client's);
// - web: this browser's localStorage as the sitting left it.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Format } from '../formats.js';
import type { XapiEvent, XapiRelay } from '../harness/lrs/xapi-relay.js';
import { rightAnswerInputs, type CourseFacts } from './course-facts.js';

export type Learner = 'new' | 'resumed';
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** What the LMS or LRS holds for the returning learner. */
export type ResumeSeed =
  | { kind: 'scorm'; data: Record<string, string> }
  | { kind: 'lrs'; registration: string }
  | { kind: 'browser'; storageState: StorageState };

export interface Launch {
  /** Where the browser goes (relative to the server). */
  path: string;
  /** Script run in every document before its own (the test LMS page's configuration). */
  initScript?: string;
  storageState?: StorageState;
}

export interface Harness {
  origin: string;
  relay: XapiRelay;
  /** Every request the test LRS answered, as the relay reports it. */
  lrsEvents: XapiEvent[];
}

const ACTOR = { objectType: 'Agent', name: 'Ada Bench', account: { homePage: 'https://lms.example.org', name: 'ada-bench' } };
const isScorm = (f: Format): f is 'scorm12' | 'scorm2004' => f === 'scorm12' || f === 'scorm2004';
export const coursePath = (format: Format, lang: string) => `/pkg/${format}-${lang}/`;

/** A launch of the cmi5 AU through the relay's test LMS: a session, its fetch URL and LaunchData. */
async function cmi5Launch(h: Harness, facts: CourseFacts, registration: string): Promise<URL> {
  // One launcher for both languages (the AU id is the same): the relay's launcher answers fetch
  // URLs only for the sessions it made, so a second launcher's would go unanswered.
  const l = await h.relay.launch(h.origin, '/pkg/', { activityId: `${facts.iri}/au`, registration, learnerName: ACTOR.name, learnerId: ACTOR.account.name });
  return new URL(l.url, h.origin);
}

export async function launchFor(h: Harness, format: Format, facts: CourseFacts, learner: Learner, seed: ResumeSeed | null): Promise<Launch> {
  const course = coursePath(format, facts.lang);
  if (learner === 'resumed' && !seed) throw new Error('a resumed launch needs the sitting that made it');
  if (isScorm(format)) {
    const data = seed?.kind === 'scorm' && learner === 'resumed' ? seed.data : { [format === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry']: 'ab-initio' };
    const config = { standard: format, data, launch: `${course}index.html` };
    return { path: '/lms/lms.html', initScript: `window.__LMS_CONFIG__ = ${JSON.stringify(config)};` };
  }
  const registration = seed?.kind === 'lrs' && learner === 'resumed' ? seed.registration : randomUUID();
  if (format === 'cmi5') {
    const url = await cmi5Launch(h, facts, registration);
    return { path: `${course}index.html${url.search}` };
  }
  if (format === 'xapi') {
    const fetchUrl = (await cmi5Launch(h, facts, randomUUID())).searchParams.get('fetch')!;
    const answer = (await (await fetch(fetchUrl, { method: 'POST' })).json()) as { 'auth-token'?: string };
    if (!answer['auth-token']) throw new Error('the test LMS gave no token');
    const q = new URLSearchParams({ endpoint: `${h.origin}/xAPI/`, auth: `Basic ${answer['auth-token']}`, actor: JSON.stringify(ACTOR), registration, activity_id: facts.iri });
    return { path: `${course}index.html?${q}` };
  }
  return { path: `${course}index.html`, storageState: seed?.kind === 'browser' && learner === 'resumed' ? seed.storageState : undefined };
}

/** The course's document: the LMS page's frame for SCORM, else the page itself. */
export async function courseFrame(page: Page, format: Format, lang: string): Promise<Frame> {
  const path = coursePath(format, lang);
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((fr) => new URL(fr.url(), 'http://x').pathname.startsWith(path));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error(`no ${path} document in the page`);
}

const waitFor = async (what: string, ok: () => boolean, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** One real sitting: opens the bookmarked page from the title page, answers its knowledge checks
 *  right, and leaves as a closing tab would. Returns what the returning learner will be handed. */
export async function sitToBookmark(browser: Browser, h: Harness, format: Format, facts: CourseFacts): Promise<ResumeSeed> {
  const launch = await launchFor(h, format, facts, 'new', null);
  const registration = new URL(launch.path, h.origin).searchParams.get('registration');
  // Reduced motion: the clicks that make the seed need not wait out the course's transitions.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const lrsSeen = h.lrsEvents.length;
  try {
    if (launch.initScript) await context.addInitScript({ content: launch.initScript });
    const page = await context.newPage();
    await page.goto(`${h.origin}${launch.path}`);
    const course = await courseFrame(page, format, facts.lang);
    const title = course.locator('h1#page-title');
    const b = facts.bookmark;
    await course.getByRole('button', { name: facts.startName, exact: true }).waitFor();
    await course.locator('.module-list button', { hasText: b.moduleTitle }).click();
    await title.filter({ hasText: b.firstPageTitle }).waitFor();
    for (let i = 0; i < 12 && (await title.innerText()).trim() !== b.page.title; i++) {
      const now = await title.innerText();
      await course.locator('.page-nav button.primary').click();
      await course.waitForFunction((was) => document.getElementById('page-title')?.textContent?.trim() !== was, now.trim());
    }
    if ((await title.innerText()).trim() !== b.page.title) throw new Error(`did not reach ${b.page.id}`);
    for (const item of b.items) {
      const form = `form[data-item="${item.id}"]`;
      for (const input of rightAnswerInputs(item)) await course.locator(`${form} ${input}`).check();
      await course.locator(`${form} button[type=submit]`).click();
      await course.locator(`${form}[data-state="right"]`).waitFor();
    }
    if (format === 'scorm12' || format === 'scorm2004') {
      // Removing the frame fires the course's pagehide, as closing the LMS window would.
      await page.evaluate('document.querySelector("iframe").remove()');
      const log = (await page.evaluate('window.__LMS_LOG__')) as { method: string; element?: string; value?: string; result: string }[];
      const kept = format === 'scorm12'
        ? ['cmi.core.lesson_location', 'cmi.suspend_data', 'cmi.core.lesson_status']
        : ['cmi.location', 'cmi.suspend_data', 'cmi.completion_status', 'cmi.success_status'];
      const data: Record<string, string> = { [format === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry']: 'resume' };
      for (const c of log) if (/SetValue$/.test(c.method) && c.result === 'true' && c.element && kept.includes(c.element)) data[c.element] = c.value ?? '';
      if (!data[kept[0]] || !data['cmi.suspend_data']) throw new Error(`${format}: the sitting left no bookmark or suspend data`);
      return { kind: 'scorm', data };
    }
    if (format === 'web') {
      await page.goto('about:blank');
      return { kind: 'browser', storageState: await context.storageState() };
    }
    await page.goto('about:blank');
    // This sitting's requests only: other sittings may be running beside it.
    const ofSitting = () => h.lrsEvents.slice(lrsSeen).filter((e) => e.registration === registration);
    await waitFor('the sitting to terminate in the LRS', () => ofSitting().some((e) => e.statements.some((s) => s.verb === 'terminated')));
    await waitFor('the resume state in the LRS', () => ofSitting().some((e) => e.path === 'activities/state' && (e.method === 'PUT' || e.method === 'POST') && e.status < 300));
    return { kind: 'lrs', registration: registration! };
  } finally {
    await context.close();
  }
}
