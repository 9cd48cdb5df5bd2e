// A learner opens the web build (served from a subpath) and walks every page with the keyboard
// alone, in both languages. No console error; with `npm run screenshots`, a picture of each page.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { collectErrors } from '../../build/harness/browser';
import { useWebBuild } from '../support/web-build';
import { pageScreenshot } from '../support/screenshots';
import { OUTPUT } from '../../build/harness/paths';
import { courseContent } from '../../build/harness/course-content';

const web = useWebBuild('/trust/courses/balint/');

/** Tabs forward until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; nav: boolean }) => boolean, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: (a?.innerText ?? '').trim(), nav: a?.closest('.page-nav') !== null };
    });
    if (matches(el)) return;
  }
  throw new Error('control not reachable by keyboard');
}

describe.each(['en', 'it'] as const)('web build in %s', (lang) => {
  // Every source link in the prose is a Tab stop on the way to Next: the walk presses Tab a few
  // hundred times, each a round trip to the browser.
  it('walks every page with the keyboard alone, without console errors', { timeout: 180_000 }, async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${web.url}/${lang}/`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.waitForSelector('h1#page-title');
    const shots = join(OUTPUT, 'screenshots', 'walk', lang);
    await pageScreenshot(page, join(shots, '000-title.png'));

    const startLabel = (await page.locator('main button.primary').innerText()).trim();
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === startLabel);
    await page.keyboard.press('Enter');

    const nextLabel = (await page.evaluate(() => document.documentElement.lang)) === 'it' ? 'Avanti' : 'Next';
    const titles: string[] = [];
    for (let n = 1; n < 500; n++) {
      await page.waitForFunction(() => document.activeElement?.id === 'page-title');
      const title = (await page.locator('h1#page-title').innerText()).trim();
      titles.push(title);
      await pageScreenshot(page, join(shots, `${String(n).padStart(3, '0')}.png`));
      const hasNext = await page.locator('.page-nav button.primary').count();
      if (!hasNext) break;
      await tabTo(page, (el) => el.nav && el.tag === 'BUTTON' && el.text.startsWith(nextLabel));
      await page.keyboard.press('Enter');
    }
    const expectedPages = await page.evaluate(() => document.querySelectorAll('.menu-pages li').length);
    expect(titles.length).toBe(expectedPages);
    expect(new Set(titles).size).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

// On a ward the Wi-Fi drops while the course fetches its later modules in the background. Chromium
// keeps a failed import in its module map, so asking again for the same file fails for good: the
// course must ask anew once the network is back, in the same page, without a reload.
describe('a dropped network', () => {
  it('a module that failed to load opens once the network is back, and meanwhile the learner is told', { timeout: 60_000 }, async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let down = true;
    const failed = new Promise<void>((resolve) => page.on('requestfailed', (r) => { if (/\/misconceptions-[^/]*\.js/.test(r.url())) resolve(); }));
    await page.route(/\/misconceptions-[^/]*\.js/, (route) => (down ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${web.url}/en/`);
    await page.locator('main .actions button.primary').click();
    await page.waitForSelector('.page-nav');
    await failed; // the background load of every module reached this one, and failed
    const target = courseContent('en').modules.find((m) => m.slug === 'misconceptions')!.pages[0];
    const open = () => page.evaluate((id) => {
      const link = document.querySelector<HTMLAnchorElement>(`#course-menu a[href="#${id}"]`)!;
      link.closest('details')?.setAttribute('open', '');
      link.click();
    }, target.id);
    await open();
    await page.waitForSelector('[data-notice="notice.moduleUnavailable"]');
    expect(await page.locator('h1#page-title').innerText()).not.toBe(target.title);
    down = false;
    await open();
    await page.waitForFunction((id) => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') === `#${id}`, target.id);
    expect((await page.locator('h1#page-title').innerText()).trim()).toBe(target.title);
    expect(await page.locator('[data-notice="notice.moduleUnavailable"]').count()).toBe(0);
    await context.close();
  });
});
