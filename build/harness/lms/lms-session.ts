// Launches a built SCORM package inside the test LMS page (lms.html: the one SCORM LMS, scorm-again's
// real API) and gives the test what the LMS saw: the call log and the final CMI data.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { join } from 'node:path';
import { ROOT } from '../paths';
import { serveStatic, type StaticServer } from '../static-server';
import { unpack } from '../packages';
import { collectErrors } from '../browser';

export interface LmsCall { method: string; element?: string; value?: string; result: string; error: string }

export interface LmsConfig {
  standard: 'scorm12' | 'scorm2004';
  /** Flattened CMI data the LMS holds at launch, e.g. { 'cmi.suspend_data': '…' }. */
  data?: Record<string, string>;
  /** Elements the LMS refuses: SetValue returns "false" with this error code (`times` then accepts). */
  refuse?: Record<string, { code?: string; times?: number }>;
  initFails?: boolean;
  /** Adds the model of Moodle 4.3's player and server (build/harness/lms/moodle-model.js). */
  moodle?: { masteryScore: number | null; stored?: Record<string, string> };
}

/** What the Moodle model would hold after the calls so far. */
export interface MoodleModelView { completion: 'done' | 'todo'; nextMode: 'normal' | 'review'; stored: Record<string, string>; events: { event: string; value?: string }[]; unloadBytes: number; posts: { elements: string[]; bytes: number; unloading: boolean }[] }

export interface LmsServer { server: StaticServer; close(): Promise<void> }

export async function startLmsServer(lang: string, standard: 'scorm12' | 'scorm2004'): Promise<LmsServer> {
  const pkg = unpack(lang, standard);
  const server = await serveStatic({
    '/lms/': join(ROOT, 'build', 'harness', 'lms'),
    '/scorm-again/': join(ROOT, 'node_modules', 'scorm-again', 'dist'),
    '/pkg/': pkg,
  });
  return { server, close: () => server.close() };
}

export class LmsSession {
  readonly errors: string[];
  private constructor(readonly context: BrowserContext, readonly page: Page) {
    this.errors = collectErrors(page);
  }

  static async launch(browser: Browser, lms: LmsServer, config: LmsConfig, viewport = { width: 1280, height: 900 }, context?: BrowserContext): Promise<LmsSession> {
    const ctx = context ?? (await browser.newContext({ viewport }));
    const page = await ctx.newPage();
    await page.addInitScript((c) => {
      (window as unknown as { __LMS_CONFIG__: unknown }).__LMS_CONFIG__ = c;
    }, config);
    const s = new LmsSession(ctx, page);
    await page.goto(`${lms.server.url}/lms/lms.html`);
    await s.course().waitForSelector('h1#page-title');
    return s;
  }

  course(): Frame {
    const f = this.page.frames().find((fr) => fr.url().includes('/pkg/'));
    if (!f) throw new Error('course frame not found');
    return f;
  }

  log(): Promise<LmsCall[]> {
    return this.page.evaluate(() => (window as unknown as { __LMS_LOG__: LmsCall[] }).__LMS_LOG__);
  }

  /** The LMS's CMI data as it would store it. */
  data(): Promise<Record<string, unknown>> {
    return this.page.evaluate(() => (window as unknown as { __LMS_DATA__: () => Record<string, unknown> }).__LMS_DATA__());
  }

  /** The value last set for an element, as the LMS accepted it. */
  async lastSet(element: string): Promise<string | undefined> {
    const log = await this.log();
    return log.filter((c) => /SetValue$/.test(c.method) && c.element === element && c.result === 'true').at(-1)?.value;
  }

  moodle(): Promise<MoodleModelView> {
    return this.page.evaluate(() => {
      const m = (window as unknown as { __MOODLE__: { completion: 'done' | 'todo'; nextMode(): 'normal' | 'review'; stored(): Record<string, string>; events: []; unloadBytes: number; posts: [] } }).__MOODLE__;
      return { completion: m.completion, nextMode: m.nextMode(), stored: m.stored(), events: m.events, unloadBytes: m.unloadBytes, posts: m.posts };
    });
  }

  /** Leaves the course as a closing tab would: pagehide fires, then the frame goes away. */
  async closeCourse(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { __LMS_UNLOADING__: boolean }).__LMS_UNLOADING__ = true;
      const frame = document.querySelector('iframe');
      frame?.remove();
    });
  }
}
