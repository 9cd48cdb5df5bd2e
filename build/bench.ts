// `npm run bench`: builds every package, then prints per package and language the gzip weight of
// the first page's JS and CSS, the zip size and file count and the build time; the time until a
// learner sees course text in Chromium on a slow-4G profile with 4× CPU slowdown (Chrome DevTools
// Protocol network and CPU emulation); and the LMS commits and xAPI POSTs of a scripted full run
// (every page, every quiz, the final assessment) in the test LMS (scorm-again) and the test LRS.
// Then the insights tool on a national programme's statement export (1.4 million statements), every
// register row checked against the export's known answer (build/insights/scale-bench.ts).
// `npm run bench -- --insights [1.4M|14M]` runs the insights figures alone: both sizes (a region's
// 14 million statements too), or the one named.
// First text and first working control of every package on a slow phone, new and returning learner
// (build/bench/first-control.ts): `npm run bench -- --first-control` builds, then runs that figure
// alone (with --no-build, on the packages already in dist/; its own options are listed there).
// Each figure is compared with its budget (docs/architecture.md#budgets) and marked OVER when it is. Sizes are also checked by
// tests/conformance/budgets.test.ts; times vary with the machine and are only printed here.
//
// DIST_DIR (default dist/) and OUTPUT_DIR (default tests/.output/) say where packages go.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUDGETS, kb, overBudget, weighFiles, weighZip, type PackageWeight } from './budgets.js';
import { listFiles } from './package.js';
import { loadCourse } from './content/load.js';
import { resolveCourse } from './content/resolve.js';
import { LANGS } from '../src/content/types.js';
import { fits, unloadBudget, type UnloadBudget } from '../src/scorm2004/unload-budget.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, 'dist');
// The test helpers read these when first imported.
process.env.DIST_DIR = DIST;
process.env.OUTPUT_DIR ??= join(ROOT, 'tests', '.output');

/** The budgets that are times or counts (sizes live in budgets.ts); docs/architecture.md#budgets. */
const BUILD_BUDGET_S = 20;
const FIRST_TEXT_BUDGET_MS = 1500;
const OVER = '  OVER';

/** Builds everything with the real CLI; returns the total seconds and each package's milliseconds. */
function build(): { seconds: number; perPackage: Map<string, number> } {
  const t0 = performance.now();
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'build', 'cli.ts'), 'build', ROOT, DIST], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  const perPackage = new Map<string, number>();
  // cli.ts prints one line per package: "dist/<lang>/<zip> … KB … files <ms> ms".
  for (const m of out.matchAll(/^dist\/(\S+)\s.*?(\d+) ms$/gm)) perPackage.set(m[1], Number(m[2]));
  return { seconds, perPackage };
}

function row(name: string, w: PackageWeight, ms: number | undefined, over: string[]): string {
  return [name.padEnd(44), kb(w.firstPageJsGzip).padStart(9), kb(w.firstPageCssGzip).padStart(9), kb(w.bytes).padStart(10), String(w.files).padStart(6), `${ms ?? '?'} ms`.padStart(9)].join(' ') + (over.length ? `${OVER}: ${over.join('; ')}` : '');
}

/** Milliseconds until the course's first text shows, and until the player is ready to start. Files are
 *  served uncompressed, as some LMSs serve them: the worst case. */
async function firstCourseText(lang: string): Promise<{ text: number; ready: number } | null> {
  const { launchBrowser } = await import('./harness/browser.js');
  const { serveStatic } = await import('./harness/static-server.js');
  const server = await serveStatic({ '/': join(DIST, 'web') });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    // Chrome DevTools' "Slow 4G" preset: 150 ms latency, 1.6 Mbps down, 750 kbps up; and 4× slower CPU.
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t0 = performance.now();
    await page.goto(`${server.url}/${lang}/`, { waitUntil: 'commit' });
    // The course's first text: the title page's lead paragraph, rendered by the player.
    await page.waitForSelector('main .lead', { timeout: 30_000 });
    const text = performance.now() - t0;
    // The player has started when its title page offers the Start button.
    await page.waitForSelector('main .actions button', { timeout: 30_000 });
    return { text, ready: performance.now() - t0 };
  } catch (e) {
    console.warn(`first text in ${lang}: ${String(e)}`);
    return null;
  } finally {
    await browser.close();
    await server.close();
  }
}

type Target = import('playwright-core').Page | import('playwright-core').Frame;

/** The whole course as a learner takes it: every page by Next, every module quiz, the assessment (a pass). */
async function fullRun(target: Target): Promise<void> {
  const { courseContent } = await import('./harness/course-content.js');
  const { answerModuleQuiz, takeAssessment } = await import('./harness/course-driver.js');
  const content = courseContent('en', ROOT);
  const start = target.locator('main button.primary');
  if (await start.isVisible()) await start.click();
  await target.waitForSelector('h1#page-title');
  const total = content.modules.reduce((n, m) => n + m.pages.length, 0);
  for (let n = 1; n < total; n++) await target.locator('.page-nav button.primary').click();
  for (const mod of content.modules.filter((m) => m.slug !== 'assessment')) await answerModuleQuiz(target, mod, true);
  await takeAssessment(target, content.modules.find((m) => m.slug === 'assessment')!, true);
}

/** Commits of a full run in the test LMS, sorted by what changed since the previous commit. */
async function scormCommits(standard: 'scorm12' | 'scorm2004'): Promise<string> {
  const { launchBrowser } = await import('./harness/browser.js');
  const { LmsSession, startLmsServer } = await import('./harness/lms/lms-session.js');
  const lms = await startLmsServer('en', standard);
  const browser = await launchBrowser();
  try {
    const s = await LmsSession.launch(browser, lms, { standard });
    await fullRun(s.course());
    await s.closeCourse();
    const log = await s.log();
    const location = standard === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location';
    let lastLocation = '';
    let pageChanges = 0;
    const kinds = { page: 0, answer: 0, other: 0 };
    let sinceCommit: string[] = [];
    for (const c of log) {
      if (/SetValue$/.test(c.method) && c.result === 'true') {
        if (c.element === location && c.value !== lastLocation) {
          pageChanges++;
          lastLocation = c.value ?? '';
          sinceCommit.push('page');
        } else if (/^cmi\.interactions\.\d+\.id$/.test(c.element ?? '')) sinceCommit.push('answer');
      }
      if (/Commit$/.test(c.method)) {
        kinds[sinceCommit.includes('page') ? 'page' : sinceCommit.includes('answer') ? 'answer' : 'other']++;
        sinceCommit = [];
      }
    }
    const commits = kinds.page + kinds.answer + kinds.other;
    const over = kinds.page > pageChanges;
    return `${standard}: ${commits} commits in a full run: ${kinds.page} with a page change (${pageChanges} page changes), ${kinds.answer} with an answer, ${kinds.other} other (start, result, exit) — at most one per page change${over ? `${OVER}` : ': yes'}`;
  } finally {
    await browser.close();
    await lms.close();
  }
}

/** The post Moodle makes as a SCORM 2004 learner leaves, priced for the largest attempt
 *  (src/scorm2004/unload-budget.ts), as built and with reflections shared. */
function unloadBudgets(): string[] {
  const loaded = loadCourse(ROOT);
  return LANGS.map((lang) => {
    const c = resolveCourse(loaded, lang);
    const [own, shared] = [c.outline.privacy.sendReflectionsToLms, true].map((sendReflectionsToLms) => unloadBudget({ id: c.outline.id, privacy: { sendReflectionsToLms }, modules: c.modules }));
    const line = (b: UnloadBudget) => `${kb(b.fixedBytes)} before ${b.texts} free text(s) (${b.textBytes === null ? 'no cut' : `${b.textBytes} B each`})${b.brief ? ', brief' : ''}${fits(b) ? '' : OVER}`;
    return `scorm2004 ${lang}: largest attempt's last post ${line(own)}; reflections shared: ${line(shared)}; limit ${kb(own.limitBytes)}`;
  });
}

/** Statements and POSTs of a full cmi5 run against the test LRS. */
async function xapiPosts(): Promise<string> {
  const { launchBrowser: launchChromium } = await import('./harness/browser.js');
  const { startTestLrs } = await import('./harness/lrs/lrs-front.js');
  const { hostPackage, leaveCourse, verbOf, waitForCourse, waitForStatements } = await import('./harness/lrs/package-host.js');
  const { Cmi5Lms } = await import('./harness/cmi5-launcher.js');
  const { courseContent } = await import('./harness/course-content.js');
  const lrs = await startTestLrs();
  const browser = await launchChromium();
  try {
    const lms = new Cmi5Lms(lrs, hostPackage(lrs, 'en', 'cmi5', courseContent('en', ROOT).outline.iri));
    const launch = await lms.launch();
    lrs.reset();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(launch.url);
    await waitForCourse(page);
    await fullRun(page);
    await leaveCourse(page);
    await waitForStatements(lrs, (all) => all.some((s) => verbOf(s) === 'terminated' && s.context?.registration === launch.registration));
    const posts = lrs.requests.filter((r) => r.path === 'statements' && (r.method === 'POST' || r.method === 'PUT'));
    const sent = posts.reduce((n, r) => n + r.ids.length, 0);
    const batched = posts.filter((r) => r.ids.length > 1).length;
    const stateWrites = lrs.requests.filter((r) => r.path === 'activities/state' && r.method !== 'GET').length;
    return `cmi5: ${sent} statements in ${posts.length} POSTs (${batched} POSTs carried more than one; at most ${Math.max(...posts.map((r) => r.ids.length))} in one), ${stateWrites} State API writes — statements batched${batched ? ': yes' : `${OVER} (every POST carried one statement)`}`;
  } finally {
    await browser.close();
    await lrs.close();
  }
}

/** The insights figures at the sizes asked for. */
async function insightsFigures(sizes: string[]): Promise<string> {
  const { insightsAtScale, SCALES } = await import('./insights/scale-bench.js');
  const dir = join(process.env.OUTPUT_DIR!, 'insights-bench');
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (const size of sizes) lines.push(SCALES[size] ? await insightsAtScale(ROOT, dir, SCALES[size]) : `Insights: no size "${size}" (one of ${Object.keys(SCALES).join(', ')})`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--insights');
  if (at >= 0) {
    const size = process.argv[at + 1];
    console.log(await insightsFigures(size && !size.startsWith('--') ? [size] : ['1.4M', '14M']));
    return;
  }
  const { parseFirstControlArgs } = await import('./bench/first-control.js');
  const { firstControlBench } = await import('./bench/first-control-bench.js');
  if (process.argv.includes('--first-control')) {
    const options = parseFirstControlArgs(process.argv);
    if (!process.argv.includes('--no-build')) build();
    await firstControlBench(ROOT, DIST, process.env.OUTPUT_DIR!, options);
    return;
  }
  const { seconds, perPackage } = build();
  console.log(`\nBuild of every package: ${seconds.toFixed(1)} s (budget ${BUILD_BUDGET_S} s)${seconds > BUILD_BUDGET_S ? OVER : ''}\n`);
  console.log('package'.padEnd(44), 'JS gz'.padStart(9), 'CSS gz'.padStart(9), 'size'.padStart(10), 'files'.padStart(6), 'build'.padStart(9));
  for (const lang of readdirSync(DIST).filter((d) => d !== 'web' && !d.startsWith('.')).sort()) {
    for (const zip of readdirSync(join(DIST, lang)).filter((f) => f.endsWith('.zip')).sort()) {
      const w = weighZip(join(DIST, lang, zip));
      console.log(row(`${lang}/${zip}`, w, perPackage.get(`${lang}/${zip}`), overBudget(w, true)));
    }
  }
  for (const lang of readdirSync(join(DIST, 'web')).sort()) {
    const dir = join(DIST, 'web', lang);
    const files = new Map(listFiles(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))] as const));
    const w = weighFiles(files, [...files.values()].reduce((n, b) => n + b.length, 0));
    console.log(row(`web/${lang}/`, w, perPackage.get(`web/${lang}`), overBudget(w, false)));
  }
  console.log(`\nBudgets (docs/architecture.md#budgets): first-page JS ≤ ${kb(BUDGETS.firstPageJsGzip)} gzip, CSS ≤ ${kb(BUDGETS.firstPageCssGzip)} gzip, one zip ≤ ${kb(BUDGETS.zipBytes)}; every build ≤ ${BUILD_BUDGET_S} s in all.\n`);
  for (const lang of readdirSync(join(DIST, 'web')).sort()) {
    const t = await firstCourseText(lang);
    const ms = t?.text ?? null;
    console.log(`Time to first course text (web/${lang}, slow 4G, 4× CPU, uncompressed): ${ms === null ? 'not measured' : `${Math.round(ms)} ms`} (budget ${FIRST_TEXT_BUDGET_MS} ms)${ms !== null && ms > FIRST_TEXT_BUDGET_MS ? OVER : ''}; player ready: ${t ? `${Math.round(t.ready)} ms` : 'not measured'}`);
  }
  await firstControlBench(ROOT, DIST, process.env.OUTPUT_DIR!, parseFirstControlArgs([]));
  console.log('\nA scripted full run (every page by Next, every module quiz, the final assessment passed), English:');
  for (const standard of ['scorm12', 'scorm2004'] as const) console.log(`  ${await scormCommits(standard)}`);
  console.log(`  ${await xapiPosts()}`);
  console.log('\nWhat Moodle posts as a SCORM 2004 learner leaves (sendBeacon, 64 KiB):');
  for (const line of unloadBudgets()) console.log(`  ${line}`);
  console.log(`\n${await insightsFigures(['1.4M'])}`);
}

await main();
