// A sentence's source reference, as a learner meets it on the built web package in real Chromium,
// in both languages on the narrowest phone (320 CSS px): a small numbered link named "Source n" /
// "Fonte n" that opens the Sources page on its entry, which carries the same number (and a plain link
// to the Sources page opens it as well). The page with
// the links has no axe violation and no sideways scrolling. Screenshots go to
// $OUTPUT_DIR/screenshots/sources/ for a person to look at.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectErrors } from '../../build/harness/browser';
import { useWebBuild } from '../support/web-build';
import { OUTPUT } from '../../build/harness/paths';
import { openPage } from '../../build/harness/course-driver';
import { AXE_DIR, AXE_ROUTE, axeViolations, horizontalOverflow } from '../support/a11y';

const web = useWebBuild('/', { [AXE_ROUTE]: AXE_DIR });
const SHOTS = join(OUTPUT, 'screenshots', 'sources');
const LABEL = { en: 'Source', it: 'Fonte' } as const;

describe.each(['en', 'it'] as const)('source references in %s', (lang) => {
  it('are numbered links that open their Sources entry, accessible at 320 px', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await web.browser.newContext({ viewport: { width: 320, height: 740 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(`${web.url}/${lang}/`);
      await openPage(page, 'origins-budapest');
      const link = page.locator('.prose sup.source-ref a').first();
      await expect.poll(() => link.count()).toBe(1);
      const number = (await link.textContent())!.trim();
      expect(number).toMatch(/^\d+$/);
      expect(await link.getAttribute('aria-label')).toBe(`${LABEL[lang]} ${number}`);
      expect(await horizontalOverflow(page)).toBeNull();
      expect(await axeViolations(page)).toEqual([]);
      await link.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `${lang}-origins-320.png`) });

      const entry = (await link.getAttribute('href'))!.slice(1);
      await link.click();
      await page.waitForFunction((id) => document.activeElement?.id === id, entry);
      // The entry the link named is the one a reader counts to: its place in the numbered list.
      const position = await page.evaluate((id) => {
        const li = document.getElementById(id)!;
        const list = li.parentElement as HTMLOListElement;
        return list.start + [...list.children].indexOf(li);
      }, entry);
      expect(String(position)).toBe(number);
      expect(await horizontalOverflow(page)).toBeNull();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${lang}-sources-entry-320.png`) });

      // A plain link to the Sources page from module prose (the welcome's disclosures) opens it too.
      await openPage(page, 'welcome-cme');
      await page.locator('.prose a[href="#references"]').click();
      await page.waitForFunction(() => document.activeElement?.id === 'page-title');
      expect(await page.locator('h1#page-title').innerText()).toBe(lang === 'en' ? 'Sources' : 'Fonti');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
