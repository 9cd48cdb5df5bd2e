// A learner reading the web build on a ward whose Wi-Fi drops.
import { describe, expect, it } from 'vitest';
import { useWebBuild } from '../support/web-build';
import { courseContent } from '../../build/harness/course-content';

const web = useWebBuild('/trust/courses/balint/');

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
