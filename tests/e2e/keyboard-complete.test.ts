// A learner who cannot use a mouse completes the whole course in each language with the keyboard
// alone (Tab, Shift+Tab, Enter, Space, arrows, typing; no click, no locator.check): the skip link,
// every page by Next, every interactive component used to its end, every module quiz answered
// (one wrong answer tried again), a reflection saved, the final assessment passed, the evaluation
// sent, the time attested and the certificate reached with their name. Every element they tab
// through shows a focus indicator that no sticky header hides, and quiz feedback arrives inside a
// live region. On a phone, the folded menu opens from the keyboard and leads to the course pages.
// The web build is served from a subpath, as a trust's web server would host it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors } from '../../build/harness/browser';
import { useWebBuild } from '../support/web-build';
import { courseContent } from '../../build/harness/course-content';
import { seedRandom } from '../support/a11y';
import { KeyboardLearner } from '../support/keyboard';
import { isScored, type InteractiveData, type Lang, type Module, type ScoredItem } from '../../src/content/types';

const web = useWebBuild('/trust/courses/balint/');

const text = (page: Page, selector: string) => page.locator(selector).innerText();

/** Uses one interactive component to its end and says what the learner saw. */
async function useComponent(kb: KeyboardLearner, id: string, data: InteractiveData): Promise<void> {
  const page = kb.page;
  const section = `section.interactive:has(#${id}-title)`;
  switch (data.type) {
    case 'cards':
      // Each card opened with Enter or Space, alternately.
      for (const [i, card] of data.cards.entries()) {
        await kb.activate(`${section} button[aria-controls="${id}-${card.id}-back"]`, i % 2 ? 'Space' : 'Enter');
        expect(await page.locator(`#${id}-${card.id}-back`).isVisible()).toBe(true);
      }
      break;
    case 'timeline': {
      // Into the year list, then arrows to the last year; Home comes back to the first.
      await kb.tabTo(`${section} .year-button`);
      for (let i = 1; i < data.events.length; i++) await kb.press('ArrowRight');
      expect(await text(page, `${section} .event h3`)).toContain(data.events.at(-1)!.title);
      await kb.press('Home');
      expect(await text(page, `${section} .event h3`)).toContain(data.events[0].title);
      // Then Next, pressed until the end.
      await kb.tabTo(`${section} .ix-stepnav button.primary`);
      for (let i = 1; i < data.events.length; i++) await kb.press('Enter');
      expect(await text(page, `${section} .event h3`)).toContain(data.events.at(-1)!.title);
      break;
    }
    case 'session': {
      await kb.tabTo(`${section} .ix-stepnav button.primary`);
      for (let i = 1; i < data.steps.length; i++) await kb.press('Enter');
      expect(await text(page, `${section} .step h3`)).toBe(data.steps.at(-1)!.title);
      // The step list: back to the first step with Home, on the list itself.
      await kb.tabTo(`${section} .step-button[aria-current="step"]`);
      await kb.press('Home');
      expect(await text(page, `${section} .step h3`)).toBe(data.steps[0].title);
      break;
    }
    case 'sorter':
      for (const s of data.statements) {
        const k = data.categories.findIndex((c) => c.id === s.category);
        await kb.activate(`${section} [aria-labelledby="${id}-${s.id}-text"] button:nth-child(${k + 1})`, 'Space');
      }
      expect(await text(page, `${section} .tally`)).toMatch(new RegExp(`\\b${data.statements.length}\\b.*\\b${data.statements.length}\\b`));
      break;
    case 'comparison':
      break; // read only: nothing to operate
  }
}

/** A module's quiz page: every scored item answered right; the first one wrong first and tried again. */
async function takeQuiz(kb: KeyboardLearner, mod: Module, tryAgain: boolean): Promise<void> {
  const page = kb.page;
  const order = await page.locator('form.quiz-item').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-item')!));
  for (const [n, itemId] of order.entries()) {
    const item = mod.items.find((i) => i.id === itemId) as ScoredItem;
    const form = `form[data-item="${itemId}"]`;
    if (n === 0 && tryAgain) {
      await kb.answer(form, item, false);
      await kb.activate(`${form} button[type=submit]`);
      await page.waitForSelector(`${form}[data-state="wrong"]`);
      await kb.tabTo(`${form} button.secondary`, { back: true });
      await kb.press('Enter');
      await page.waitForSelector(`${form}[data-state="open"]`);
    }
    await kb.answer(form, item, true);
    await kb.activate(`${form} button[type=submit]`);
    await page.waitForSelector(`${form}[data-state="right"]`);
    // The verdict is written into a polite live region that was there before it filled.
    expect(await page.locator(`${form} .feedback[aria-live="polite"] .verdict`).count()).toBe(1);
  }
  // One reflection, typed and saved.
  const reflection = page.locator('form.reflection').first();
  if (await reflection.count()) {
    const id = await reflection.getAttribute('data-item');
    await kb.fill(`#${id}-text`, 'I noticed how tired I was at the end of the day.');
    await kb.activate(`form[data-item="${id}"] button[type=submit]`);
    await page.waitForFunction((i) => document.querySelector(`form[data-item="${i}"] .save-status`)?.textContent?.trim() !== '', id);
  }
}

async function completeCourse(page: Page, lang: Lang, kb: KeyboardLearner): Promise<void> {
  const content = courseContent(lang);
  await page.goto(`${web.url}/${lang}/`);
  await page.waitForSelector('h1#page-title');

  // The first Tab reaches the skip link, which takes focus to the main content.
  await kb.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);
  await kb.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main' || document.activeElement?.closest('main') !== null);

  await kb.activate('main .actions button.primary');
  let quizzes = 0;
  let components = 0;
  const visited = new Set<string>();
  for (let n = 0; n < 200; n++) {
    await page.waitForFunction(() => document.activeElement?.id === 'page-title');
    const id = await page.evaluate(() => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href')?.slice(1));
    const mod = content.modules.find((m) => m.pages.some((p) => p.id === id))!;
    const pg = mod.pages.find((p) => p.id === id)!;
    visited.add(pg.id);

    for (const block of pg.blocks) {
      if (block.kind === 'interactive') {
        await useComponent(kb, block.id, block.data);
        components++;
      } else if (block.kind === 'quiz') {
        await takeQuiz(kb, mod, quizzes === 0);
        quizzes++;
      } else if (block.kind === 'directive' && block.name === 'assessment') {
        const order = await page.locator('.assessment fieldset[data-item]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-item')!));
        for (const itemId of order) await kb.answer(`fieldset[data-item="${itemId}"]`, mod.items.find((i) => i.id === itemId) as ScoredItem, true);
        expect(order.length).toBe(mod.items.filter(isScored).length);
        await kb.activate('.assessment button[type=submit]');
        await page.waitForSelector('#assessment-result[data-passed="true"]');
        // Focus moves to the result, so it is read first.
        await page.waitForFunction(() => document.activeElement?.id === 'assessment-result');
      } else if (block.kind === 'directive' && block.name === 'evaluation') {
        const groups = await page.locator('.evaluation fieldset[data-item]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-item')!));
        // The fourth point of each scale, reached with the arrow keys.
        for (const g of groups) await kb.chooseRadio(`.evaluation fieldset[data-item="${g}"] .scale label:nth-child(4) input`);
        await kb.fill('.evaluation textarea', lang === 'en' ? 'Clear and useful.' : 'Chiaro e utile.');
        await kb.activate('.evaluation button[type=submit]');
        await page.waitForSelector('.evaluation .sent:not(:empty)');
      } else if (block.kind === 'directive' && block.name === 'attestation') {
        // Prefilled with the time the learner has spent, which they may correct.
        expect(Number(await page.locator('#attested-minutes').inputValue())).toBeGreaterThanOrEqual(1);
        await kb.fill('#attested-minutes', '110');
        await kb.activate('.attestation button[type=submit]');
        await page.waitForSelector('.attestation .done:not(:empty)');
      } else if (block.kind === 'directive' && block.name === 'certificate') {
        await kb.fill('#learner-name', 'Dr Ada Rossi');
        const certificate = await text(page, '.certificate');
        expect(certificate).toContain('Dr Ada Rossi');
        expect(certificate).toContain('100%');
      }
    }

    if (!(await page.locator('.page-nav button.primary').count())) break;
    await kb.activate('.page-nav button.primary');
  }
  expect([...visited]).toEqual(content.modules.flatMap((m) => m.pages.map((p) => p.id)));
  expect(quizzes).toBe(content.modules.filter((m) => m.pages.some((p) => p.blocks.some((b) => b.kind === 'quiz'))).length);
  expect(components).toBeGreaterThanOrEqual(5);
  expect(await page.locator('.progress-bar').getAttribute('aria-valuenow')).toBe('100');
  expect(await page.locator('.certificate').getAttribute('data-certificate-id')).toMatch(/^BAL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
}

describe.each(['en', 'it'] as const)('keyboard only, in %s', (lang) => {
  it('completes the whole course to the certificate', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await seedRandom(context);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const kb = new KeyboardLearner(page);
    await completeCourse(page, lang, kb);
    expect([...kb.invisibleFocus], 'focus indicator missing on').toEqual([]);
    expect([...kb.obscuredFocus], 'focus hidden under the sticky header on').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('opens the menu on a phone and reaches the accessibility statement', async () => {
    const context = await web.browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    const kb = new KeyboardLearner(page);
    await page.goto(`${web.url}/${lang}/`);
    await page.waitForSelector('h1#page-title');
    await kb.activate('.menu-toggle');
    expect(await page.locator('.menu-toggle').getAttribute('aria-expanded')).toBe('true');
    await kb.activate('.menu-extra a[href="#accessibility"]');
    await page.waitForFunction(() => document.activeElement?.id === 'page-title');
    const statement = courseContent(lang).coursePages.find((p) => p.id === 'accessibility')!;
    expect(await text(page, 'h1#page-title')).toBe(statement.title);
    // The menu closes behind the learner, and Back to the course is reachable from the page.
    expect(await page.locator('#course-menu').isVisible()).toBe(false);
    await kb.activate('main button.secondary');
    await page.waitForSelector('main .actions button.primary');
    expect([...kb.invisibleFocus]).toEqual([]);
    await context.close();
  });
});
