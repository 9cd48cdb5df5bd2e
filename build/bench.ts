// `npm run bench`: builds every package, then prints per package and language the gzip weight of
// the first page's JS and CSS, the zip size and file count, the build time, and the time until a
// learner sees module text in Chromium on a slow-4G profile with 4× CPU slowdown. Each figure is
// compared with GUIDE §6; a figure over budget is marked.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUDGETS, kb, overBudget, weighFiles, weighZip } from './budgets.js';
import { listFiles } from './package.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const BUILD_BUDGET_S = 20;
const FIRST_TEXT_BUDGET_MS = 1500;

function build(): number {
  const t0 = performance.now();
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'build', 'cli.ts'), 'build'], { stdio: 'inherit' });
  return (performance.now() - t0) / 1000;
}

async function firstModuleText(lang: string): Promise<number | null> {
  const { launchBrowser } = await import('../tests/support/browser.js');
  const { serveStatic } = await import('../tests/support/static-server.js');
  const server = await serveStatic({ '/': join(DIST, 'web') });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    // Chrome DevTools' "Slow 4G": 150 ms latency, 1.6 Mbps down, 750 kbps up.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t0 = performance.now();
    await page.goto(`${server.url}/${lang}/`, { waitUntil: 'commit' });
    await page.waitForSelector('main .lead', { timeout: 30_000 });
    return performance.now() - t0;
  } catch (e) {
    console.warn(`first text in ${lang}: ${String(e)}`);
    return null;
  } finally {
    await browser.close();
    await server.close();
  }
}

const mark = (over: boolean) => (over ? '  OVER' : '');

async function main(): Promise<void> {
  const seconds = build();
  console.log(`\nBuild of every package: ${seconds.toFixed(1)} s (budget ${BUILD_BUDGET_S} s)${mark(seconds > BUILD_BUDGET_S)}\n`);
  console.log('package'.padEnd(44), 'JS gz'.padStart(9), 'CSS gz'.padStart(9), 'size'.padStart(10), 'files'.padStart(6));
  for (const lang of readdirSync(DIST).filter((d) => d !== 'web').sort()) {
    for (const zip of readdirSync(join(DIST, lang)).filter((f) => f.endsWith('.zip')).sort()) {
      const w = weighZip(join(DIST, lang, zip));
      const over = overBudget(w, true);
      console.log(`${lang}/${zip}`.padEnd(44), kb(w.firstPageJsGzip).padStart(9), kb(w.firstPageCssGzip).padStart(9), kb(w.bytes).padStart(10), String(w.files).padStart(6), over.length ? `  OVER: ${over.join('; ')}` : '');
    }
  }
  for (const lang of readdirSync(join(DIST, 'web')).sort()) {
    const dir = join(DIST, 'web', lang);
    const files = new Map(listFiles(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))] as const));
    const w = weighFiles(files, [...files.values()].reduce((n, b) => n + b.length, 0));
    const over = overBudget(w, false);
    console.log(`web/${lang}/`.padEnd(44), kb(w.firstPageJsGzip).padStart(9), kb(w.firstPageCssGzip).padStart(9), kb(w.bytes).padStart(10), String(w.files).padStart(6), over.length ? `  OVER: ${over.join('; ')}` : '');
  }
  console.log(`\nBudgets: first-page JS ≤ ${kb(BUDGETS.firstPageJsGzip)} gzip, CSS ≤ ${kb(BUDGETS.firstPageCssGzip)} gzip, zip ≤ ${kb(BUDGETS.zipBytes)}`);
  for (const lang of readdirSync(join(DIST, 'web')).sort()) {
    const ms = await firstModuleText(lang);
    console.log(`Time to first course text (web/${lang}, slow 4G, 4× CPU): ${ms === null ? 'not measured' : `${Math.round(ms)} ms`} (budget ${FIRST_TEXT_BUDGET_MS} ms)${mark(ms !== null && ms > FIRST_TEXT_BUDGET_MS)}`);
  }
}

await main();
