// The insights report (report.html) from real LRS runs, opened from disk in Chromium as an
// education lead would: axe finds nothing, it asks for nothing over the network, the language
// filter works, it fits 320 px without sideways scrolling, and it prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, collectErrors } from '../../build/harness/browser';
import { AXE_DIR, axeViolations, horizontalOverflow } from '../support/a11y';
import { OUTPUT, ROOT } from '../../build/harness/paths';
import { runInsights } from '../../build/insights/run';

const OUT = join(OUTPUT, 'insights-report');
const SHOTS = join(OUTPUT, 'screenshots', 'insights');
let browser: Browser;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  await runInsights({ source: { kind: 'statements', paths: [join(ROOT, 'tests/fixtures/insights/lrs-statements.jsonl')], skipInvalid: false }, out: OUT, contentRoot: ROOT, includeReflections: false });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => browser?.close());

/** Opens the report from disk, recording every request the page makes. */
async function open(width: number): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = collectErrors(page);
  await page.goto(pathToFileURL(join(OUT, 'report.html')).href);
  // axe goes in through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(readFileSync(join(AXE_DIR, 'axe.min.js'), 'utf8'));
  return { page, requests, errors };
}

describe('insights report.html', () => {
  it('has every section, passes axe, makes no request but itself, and filters by language', async () => {
    const { page, requests, errors } = await open(1280);
    const visible = async () => (await page.locator('.slice:visible h2').allInnerTexts()).join(' | ');
    expect(await visible()).toBe('All languages: 6 learners, 2 passed');
    for (const h of ['Completion funnel', 'Time per module', 'Score distribution', 'Misconceptions most held', 'Item analysis', 'Course evaluation']) {
      expect(await page.locator('.slice:visible h3', { hasText: h }).count(), h).toBe(1);
    }
    // Each chart is inline SVG with its data table beside it.
    expect(await page.locator('.slice:visible svg.chart').count()).toBe(5);
    expect(await page.locator('.slice:visible .pair table').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'report-1280.png'), fullPage: true });

    await page.getByRole('radio', { name: 'Italian' }).check();
    expect(await visible()).toBe('Italian: 3 learners, 1 passed');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'English' }).check();
    expect(await visible()).toBe('English: 3 learners, 1 passed');

    expect(requests).toEqual([pathToFileURL(join(OUT, 'report.html')).href]);
    expect(errors).toEqual([]);
    const html = readFileSync(join(OUT, 'report.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).not.toContain('PRIVATE-COMMENT');
    await page.close();
  }, 60_000);

  it('reads at 320 px without sideways scrolling', async () => {
    const { page } = await open(320);
    expect(await horizontalOverflow(page)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'report-320.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('prints: the filter is hidden and the pages hold every section', async () => {
    const { page } = await open(1280);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.lang-filter').isVisible()).toBe(false);
    expect(await page.locator('.slice:visible svg.chart').count()).toBe(5);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(SHOTS, 'report.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThan(12);
    await page.close();
  }, 60_000);
});
