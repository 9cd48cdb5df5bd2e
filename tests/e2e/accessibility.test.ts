// WCAG 2.2 AA in real Chromium, on the built web package, in both languages, on a desktop
// (1280 CSS px) and the narrowest phone (320 CSS px):
// - axe-core finds nothing on every page of the course and every course-level page, and in every
//   state a learner meets: each module quiz unanswered, answered wrong with feedback and right
//   with feedback; each interactive component before and after use; the final assessment open,
//   failed and passed; the evaluation and attestation before and after sending; the certificate;
//   the menu opened on a phone;
// - at 320 px nothing scrolls sideways (SC 1.4.10), and at 1280 px with text at 200% neither (1.4.4);
//   no framed part (interactive section, quiz item) has content spilling out of its frame;
// - every visible pointer target is at least 24 × 24 CSS px (2.5.8), except links inside sentences;
// - lang is the page's language, and any fragment marked in another language uses a real code
//   (the Sources page marks titles in another language; its check below makes sure they arrive);
// - the phone walks are made by a learner who has asked for less motion (prefers-reduced-motion):
//   in every page and state, with each component in use and the menu open, nothing animates or
//   transitions.
// Every quiz page is answered wrong then right (all item types the course uses appear there),
// rather than sampling, because the whole walk still fits the time budget.
// With `npm run screenshots` it also writes a picture of every page at 1280 and 360 px wide, for a
// person to look at, and of the states worth seeing (quiz feedback, a used component, the failed
// assessment, the named certificate).
import { describe, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { collectErrors } from '../../build/harness/browser';
import { useWebBuild } from '../support/web-build';
import { pageScreenshot } from '../support/screenshots';
import { OUTPUT } from '../../build/harness/paths';
import { courseContent } from '../../build/harness/course-content';
import { answerFor } from '../../build/harness/course-driver';
import { AXE_DIR, AXE_ROUTE, axeViolations, horizontalOverflow, languages, runningMotion, seedRandom, smallTargets } from '../support/a11y';
import { isScored, type Lang, type Module, type ScoredItem } from '../../src/content/types';

const web = useWebBuild('/', { [AXE_ROUTE]: AXE_DIR });

interface Audit {
  /** One line per problem: `<page> [<state>] <what>`. */
  problems: string[];
  states: number;
  /** The learner asked for reduced motion: every state is checked for animation too. */
  reducedMotion: boolean;
}

/** Checks the page as it is now, and writes its screenshot(s). Full-page pictures are the slowest
 *  step, so states that only add feedback text (picture false) are checked but not photographed. */
async function audit(page: Page, lang: Lang, width: number, name: string, a: Audit, picture = true): Promise<void> {
  a.states++;
  // First, while whatever the learner just did is still fresh: nothing may be moving.
  if (a.reducedMotion) for (const m of await runningMotion(page)) a.problems.push(`${lang} ${width}px ${name}: ${m}`);
  // At the top, as after every navigation: the sticky header would otherwise sit over whatever the
  // last click scrolled to, and axe would measure targets half under it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const where = `${lang} ${width}px ${name}`;
  for (const v of await axeViolations(page)) a.problems.push(`${where}: axe ${v}`);
  const langs = await languages(page);
  if (langs.root !== lang) a.problems.push(`${where}: <html lang="${langs.root}">`);
  for (const f of langs.fragments) if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(f)) a.problems.push(`${where}: lang="${f}" is not a language code`);
  for (const t of await smallTargets(page)) a.problems.push(`${where}: target ${t}`);

  const dir = (w: number) => join(OUTPUT, 'screenshots', `${lang}-${w}`);
  if (width >= 1000) {
    const spill = await horizontalOverflow(page);
    if (spill) a.problems.push(`${where}: ${spill}`);
    if (picture) await pageScreenshot(page, join(dir(width), `${name}.png`));
    // 200% text (SC 1.4.4): the root font size doubles, as a browser's text-only zoom does. Media
    // queries keep their 100% breakpoints here, so the wide two-column layout must hold the big
    // text too: stricter than page zoom, which would switch to the phone layout.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const zoomed = await horizontalOverflow(page);
    if (zoomed) a.problems.push(`${where} at 200% text: ${zoomed}`);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  } else {
    const overflow = await horizontalOverflow(page);
    if (overflow) a.problems.push(`${where}: ${overflow}`);
    if (!picture) return;
    // The common phone width for the picture and its targets, then back to the narrowest.
    await page.setViewportSize({ width: 360, height: 640 });
    for (const t of await smallTargets(page)) a.problems.push(`${lang} 360px ${name}: target ${t}`);
    await pageScreenshot(page, join(dir(360), `${name}.png`));
    await page.setViewportSize({ width, height: 640 });
  }
}

const currentPageId = (page: Page) =>
  page.evaluate(() => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href')?.slice(1) ?? '');

/** Sets an item's answer in one step: this suite checks what the page looks like, not how it is
 *  operated (keyboard-complete.test.ts does that), and one DOM click per control keeps it quick. */
async function setAnswer(page: Page, container: string, item: ScoredItem, right: boolean): Promise<void> {
  const selectors = answerFor(item, right).inputs.map((i) => `${container} ${i}`);
  await page.evaluate((sels) => {
    for (const sel of sels) {
      const input = document.querySelector<HTMLInputElement>(sel);
      if (!input) throw new Error(`no control ${sel}`);
      if (!input.checked) input.click();
    }
  }, selectors);
}

/** Answers every question on a quiz page at once (Try again first where one was answered), as
 *  DOM clicks, then waits for every verdict. */
async function answerQuizPage(page: Page, mod: Module, right: boolean): Promise<void> {
  const items = mod.items.filter(isScored).map((item) => ({ form: `form[data-item="${item.id}"]`, inputs: answerFor(item, right).inputs }));
  await page.evaluate((all) => {
    for (const { form, inputs } of all) {
      const el = document.querySelector<HTMLFormElement>(form);
      if (!el) continue;
      el.querySelector<HTMLButtonElement>('button.secondary')?.click();
    }
  }, items);
  // Try again redraws the options: answer once they are back.
  await page.waitForFunction((forms) => forms.every((f) => !document.querySelector(f) || !!document.querySelector(`${f} button[type=submit]`)), items.map((i) => i.form));
  await page.evaluate((all) => {
    for (const { form, inputs } of all) {
      if (!document.querySelector(form)) continue;
      for (const sel of inputs) {
        const input = document.querySelector<HTMLInputElement>(`${form} ${sel}`);
        if (!input) throw new Error(`no control ${form} ${sel}`);
        if (!input.checked) input.click();
      }
      document.querySelector<HTMLButtonElement>(`${form} button[type=submit]`)!.click();
    }
  }, items);
  const state = right ? 'right' : 'wrong';
  await page.waitForFunction(([forms, st]) => forms.every((f) => !document.querySelector(f) || document.querySelector(f)!.getAttribute('data-state') === st), [items.map((i) => i.form), state] as const);
}

async function answerAssessment(page: Page, mod: Module, right: boolean): Promise<void> {
  for (const item of mod.items.filter(isScored)) {
    const box = `fieldset[data-item="${item.id}"]`;
    if (await page.locator(box).count()) await setAnswer(page, box, item, right);
  }
  await page.locator('.assessment button[type=submit]').click();
  await page.waitForSelector(`#assessment-result[data-passed="${right}"]`);
}

/** Uses each interactive component once, so its opened or chosen state is checked too. */
async function useInteractives(page: Page): Promise<boolean> {
  let used = false;
  for (const section of await page.locator('section.interactive').all()) {
    const type = await section.getAttribute('data-interactive');
    if (type === 'cards') await section.locator('.ix-toolbar button').click();
    else if (type === 'timeline') {
      await section.locator('.ix-stepnav button.primary').click();
    } else if (type === 'session') await section.locator('.ix-stepnav button.primary').click();
    else if (type === 'sorter') {
      // The first category for every statement: some right, some wrong, so both verdicts show.
      for (const group of await section.locator('.choices').all()) await group.locator('button').first().click();
    } else continue;
    used = true;
  }
  return used;
}

async function walkCourse(page: Page, lang: Lang, width: number, reducedMotion: boolean): Promise<Audit> {
  const a: Audit = { problems: [], states: 0, reducedMotion };
  const content = courseContent(lang);
  await page.goto(`${web.url}/${lang}/`);
  await page.waitForSelector('h1#page-title');
  if (reducedMotion && !(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches))) a.problems.push(`${lang}: reduced motion not in effect`);
  await audit(page, lang, width, '00-title', a);

  if (width < 1000) {
    await page.locator('.menu-toggle').click();
    await audit(page, lang, width, '00-menu-open', a);
    await page.locator('.menu-toggle').click();
  }

  await page.locator('main button.primary').click();
  for (let n = 1; n < 200; n++) {
    await page.waitForFunction(() => document.activeElement?.id === 'page-title');
    const id = await currentPageId(page);
    const name = `${String(n).padStart(2, '0')}-${id}`;
    const mod = content.modules.find((m) => m.pages.some((p) => p.id === id))!;
    await audit(page, lang, width, name, a);

    if (await page.locator('form.quiz-item').count()) {
      await answerQuizPage(page, mod, false);
      await audit(page, lang, width, `${name}-wrong`, a);
      await answerQuizPage(page, mod, true);
      const reflection = page.locator('form.reflection').first();
      if (await reflection.count()) {
        await reflection.locator('textarea').fill(lang === 'en' ? 'I noticed my own impatience.' : 'Ho notato la mia impazienza.');
        await reflection.locator('button[type=submit]').click();
      }
      await audit(page, lang, width, `${name}-right`, a, false);
    }
    if (await page.locator('section.interactive').count()) {
      if (await useInteractives(page)) await audit(page, lang, width, `${name}-used`, a);
    }
    if (await page.locator('.assessment').count()) {
      await answerAssessment(page, mod, false);
      await audit(page, lang, width, `${name}-failed`, a);
      await page.locator('#assessment-result button.primary').click();
      await answerAssessment(page, mod, true);
      await audit(page, lang, width, `${name}-passed`, a, false);
    }
    if (await page.locator('form.evaluation button[type=submit]').count()) {
      for (const group of await page.locator('.evaluation fieldset').all()) await group.locator('input[type=radio]').nth(3).check();
      await page.locator('.evaluation textarea').fill(lang === 'en' ? 'Clear and useful.' : 'Chiaro e utile.');
      await page.locator('.evaluation button[type=submit]').click();
      await audit(page, lang, width, `${name}-sent`, a, false);
    }
    if (await page.locator('form.attestation button[type=submit]').count()) {
      await page.locator('.attestation button[type=submit]').click();
      await audit(page, lang, width, `${name}-confirmed`, a, false);
    }
    if (await page.locator('#learner-name').count()) {
      await page.locator('#learner-name').fill('Dr Ada Rossi');
      await audit(page, lang, width, `${name}-named`, a);
    }

    const next = page.locator('.page-nav button.primary');
    if (!(await next.count())) break;
    await next.click();
  }

  // Course-level pages (sources, privacy, accessibility …), from the menu as a learner opens them.
  const extra = await page.locator('.menu-extra a').evaluateAll((els) => els.map((e) => e.getAttribute('href')!.slice(1)));
  if (extra.length === 0) a.problems.push(`${lang}: no course-level pages in the menu`);
  for (const [i, id] of extra.entries()) {
    if (width < 1000) await page.locator('.menu-toggle').click();
    await page.locator(`.menu-extra a[href="#${id}"]`).click();
    await page.waitForFunction(() => document.activeElement?.id === 'page-title');
    await audit(page, lang, width, `c${i + 1}-${id}`, a);
    if (id === 'references') {
      const other = (await languages(page)).fragments.filter((f) => f !== lang);
      if (other.length === 0) a.problems.push(`${lang} references: no title marked with its own language`);
    }
  }
  return a;
}

// The four walks run side by side: each has its own context, and together they keep both CPUs busy
// while one waits on another's axe run.
describe.concurrent('accessibility', () => {
  it.for<[Lang, number]>([
    ['en', 1280], ['en', 320], ['it', 1280], ['it', 320],
  ])('in %s, every page and state passes axe, reflows and has large enough targets at %i px (on a phone, with reduced motion: nothing moves)', { timeout: 360_000 }, async ([lang, width], { expect }) => {
    const phone = width < 1000;
    const context = await web.browser.newContext({ viewport: { width, height: phone ? 640 : 900 }, reducedMotion: phone ? 'reduce' : 'no-preference' });
    await seedRandom(context);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const a = await walkCourse(page, lang, width, phone);
    const pages = courseContent(lang).modules.reduce((n, m) => n + m.pages.length, 0);
    // Every page plus the states: far more than the pages alone, or the walk stopped early.
    expect(a.states).toBeGreaterThan(pages + 10);
    expect(a.problems, a.problems.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
