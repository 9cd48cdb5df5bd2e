// `npm run bench -- --first-control`: how soon a learner on a slow phone sees the course's first
// text and can press its first working control, in every format and language, for a new learner
// (the title page's "Start the course") and a returning one (their bookmarked page, their answers
// shown, its Next button usable). Chromium driven through the DevTools protocol: 150 ms latency,
// 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4×, cache disabled, a fresh browser context per run;
// the median of 5 runs, the runs of all packages interleaved so a busy moment hits them alike.
//
// Times are the course document's own (milliseconds since its navigation started): a SCORM
// package's LMS page loads before it and is not counted. "Before" counts the course's requests
// started and the bytes of those answered by that moment. A new learner's Start is also pressed
// the instant it appears, and "page 1" is when page 1 then shows with its buttons.
//
// Options: --runs N, --only scorm12,cmi5 (formats), --lang en, --gzip (serve with
// Content-Encoding: gzip, as a web server with mod_deflate would), --trace (see first-control-trace.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, type Frame, type Page } from 'playwright-core';
import { LANGS, type Lang } from '../../src/content/types.js';
import { FORMATS, type Format } from '../formats.js';
import { loadCourse } from '../content/load.js';
import { resolveCourse } from '../content/resolve.js';
import { XapiRelay, type XapiEvent } from '../harness/lrs/xapi-relay.js';
import { courseFacts, type CourseFacts } from './course-facts.js';
import { coursePath, launchFor, type Harness, type Learner, type ResumeSeed } from './launches.js';
import { startPackageServer, unpackZip, zipOf, type PackageServer } from './package-server.js';

export const FIRST_TEXT_TARGET_MS = 600;
export const FIRST_CONTROL_TARGET_MS = 800;
/** The slow phone: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up (bytes per second here). */
export const SLOW_PHONE = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8, cpuSlowdown: 4 };
export const PHONE_VIEWPORT = { width: 412, height: 823 };
const RUN_TIMEOUT_MS = 60_000;

export interface FirstControlOptions { runs: number; formats: Format[]; langs: Lang[]; gzip: boolean; trace: boolean }

export function parseFirstControlArgs(argv: string[]): FirstControlOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = <T extends string>(flag: string, all: readonly T[]): T[] => {
    const v = value(flag);
    if (!v) return [...all];
    const picked = v.split(',');
    const bad = picked.filter((p) => !all.includes(p as T));
    if (bad.length) throw new Error(`${flag}: unknown ${bad.join(', ')} (one of ${all.join(', ')})`);
    return picked as T[];
  };
  const runs = Number(value('--runs') ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a whole number from 1');
  return { runs, formats: list('--only', FORMATS), langs: list('--lang', LANGS), gzip: argv.includes('--gzip'), trace: argv.includes('--trace') };
}

/** Bytes answered and requests started by a moment. */
export interface Tally { bytes: number; requests: number }
export interface ResourceEntry { name: string; type: string; start: number; end: number; bytes: number }
export interface RunResult { firstText: number; control: number; arrival: number | null; beforeText: Tally; beforeControl: Tally; entries: ResourceEntry[] }
export interface ProbeReport { firstText: number; control: number; arrival: number | null; pressed: boolean }

/** The in-page probe (first-control-probe.js) with its spec filled in. */
export function probeScript(spec: unknown): string {
  const source = readFileSync(join(import.meta.dirname, 'first-control-probe.js'), 'utf8');
  return source.replace('__SPEC__', JSON.stringify(spec));
}

/** The probe's spec for a learner: what their first control is, and for a new learner, page 1 after pressing it. */
export function probeSpec(format: Format, facts: CourseFacts, learner: Learner, press: boolean) {
  const b = facts.bookmark;
  return learner === 'new'
    ? { path: coursePath(format, facts.lang), control: { kind: 'start', name: facts.startName }, press, arrival: press ? { title: facts.firstPage.title } : null }
    : { path: coursePath(format, facts.lang), control: { kind: 'bookmark', title: b.page.title, items: b.items.map((i) => i.id), name: facts.nextName }, press, arrival: press ? { title: b.following.title } : null };
}

export function tallyBefore(entries: ResourceEntry[], t: number): Tally {
  return { requests: entries.filter((e) => e.start < t).length, bytes: entries.filter((e) => e.end > 0 && e.end <= t).reduce((n, e) => n + e.bytes, 0) };
}

/** The course document's requests as its resource timing has them (an expression for evaluate). */
export const RESOURCE_ENTRIES = `performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map((e) => ({ name: e.name, type: e.initiatorType, start: e.startTime, end: e.responseEnd, bytes: e.transferSize }))`;

/** Emulates the slow phone on a page's target, and keeps count of its requests on the wire so a
 *  caller can wait for them to finish (`idle`). */
export async function emulateSlowPhone(cdp: CDPSession): Promise<{ idle(quietMs: number, capMs: number): Promise<void> }> {
  const inflight = new Set<string>();
  let lastChange = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    inflight.add(e.requestId);
    lastChange = Date.now();
  });
  const done = (e: { requestId: string }) => {
    inflight.delete(e.requestId);
    lastChange = Date.now();
  };
  cdp.on('Network.loadingFinished', done);
  cdp.on('Network.loadingFailed', done);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW_PHONE.latency, downloadThroughput: SLOW_PHONE.downloadThroughput, uploadThroughput: SLOW_PHONE.uploadThroughput });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
  return {
    async idle(quietMs, capMs) {
      const until = Date.now() + capMs;
      while (Date.now() < until && (inflight.size > 0 || Date.now() - lastChange < quietMs)) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

export interface ProbedLaunch {
  /** What the probe saw: null if it never reported within the time allowed. */
  out: ProbeReport | null;
  /** The course's document, and the page around it. */
  frame: Frame | null;
  page: Page;
  context: BrowserContext;
  /** Waits for the course's requests to finish (the slow phone's bookkeeping; at once otherwise). */
  idle(): Promise<void>;
}

/** Opens a package for a learner in a fresh browser context with the probe watching (and pressing,
 *  with `press`), on the slow phone or at full speed; resolves when the probe reports or after
 *  `timeoutMs`. The caller closes the context. */
export async function launchWithProbe(browser: Browser, h: Harness, format: Format, facts: CourseFacts, learner: Learner, seed: ResumeSeed | null, o: { press: boolean; slowPhone: boolean; timeoutMs: number; beforeGoto?: (page: Page, cdp: CDPSession) => Promise<void> }): Promise<ProbedLaunch> {
  const launch = await launchFor(h, format, facts, learner, seed);
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, storageState: launch.storageState });
  try {
    let report!: (r: { out: ProbeReport; frame: Frame }) => void;
    const reported = new Promise<{ out: ProbeReport; frame: Frame }>((r) => (report = r));
    await context.exposeBinding('__firstControlReport', (source, out: ProbeReport) => report({ out, frame: source.frame }));
    if (launch.initScript) await context.addInitScript({ content: launch.initScript });
    await context.addInitScript({ content: probeScript(probeSpec(format, facts, learner, o.press)) });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const network = o.slowPhone ? await emulateSlowPhone(cdp) : null;
    await o.beforeGoto?.(page, cdp);
    await page.goto(`${h.origin}${launch.path}`, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const got = await Promise.race([reported, new Promise<null>((r) => (timer = setTimeout(() => r(null), o.timeoutMs)))]);
    clearTimeout(timer);
    return { out: got?.out ?? null, frame: got?.frame ?? null, page, context, idle: () => network?.idle(500, 15_000) ?? Promise.resolve() };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/** One cold launch on the slow phone, in a fresh browser context. */
export async function measureOnce(browser: Browser, h: Harness, format: Format, facts: CourseFacts, learner: Learner, seed: ResumeSeed | null): Promise<RunResult> {
  const l = await launchWithProbe(browser, h, format, facts, learner, seed, { press: learner === 'new', slowPhone: true, timeoutMs: RUN_TIMEOUT_MS });
  try {
    if (!l.out || !l.frame) throw new Error(`${format}-${facts.lang} ${learner}: no first control within ${RUN_TIMEOUT_MS / 1000} s`);
    // Requests still on the wire have no timing entry yet: let them finish before reading them.
    await l.idle();
    const entries = (await l.frame.evaluate(RESOURCE_ENTRIES)) as ResourceEntry[];
    return { firstText: l.out.firstText, control: l.out.control, arrival: l.out.arrival, beforeText: tallyBefore(entries, l.out.firstText), beforeControl: tallyBefore(entries, l.out.control), entries };
  } finally {
    await l.context.close();
  }
}

export interface BenchHarness extends Harness {
  facts: Record<Lang, CourseFacts>;
  /** What the server serves, by URL prefix (read at each request). */
  folders: Record<string, string>;
  close(): Promise<void>;
}

/** Unpacks every package, starts the server, the test LRS and cmi5 launcher. */
export async function startBenchHarness(root: string, dist: string, output: string, o: Pick<FirstControlOptions, 'formats' | 'langs' | 'gzip'>): Promise<BenchHarness> {
  const loaded = loadCourse(root);
  const facts = Object.fromEntries(LANGS.map((l) => [l, courseFacts(resolveCourse(loaded, l))])) as Record<Lang, CourseFacts>;
  const folders: Record<string, string> = { '/lms/': join(root, 'build', 'harness', 'lms'), '/scorm-again/': join(root, 'node_modules', 'scorm-again', 'dist') };
  for (const lang of o.langs) {
    for (const format of o.formats) {
      folders[coursePath(format, lang)] = format === 'web' ? join(dist, 'web', lang) : unpackZip(zipOf(dist, lang, format), join(output, 'first-control', 'packages', `${format}-${lang}`));
    }
  }
  const lrsEvents: XapiEvent[] = [];
  const relay = new XapiRelay((e) => lrsEvents.push(e));
  let server: PackageServer;
  try {
    server = await startPackageServer({ folders, relay, gzip: o.gzip });
  } catch (e) {
    await relay.close();
    throw e;
  }
  return {
    origin: server.url, relay, lrsEvents, facts, folders,
    async close() {
      await server.close();
      await relay.close();
    },
  };
}

