// Where focus goes when a control the keyboard learner just pressed goes away. After "Check answer"
// it lands on "Try again" (a wrong answer) or on the feedback (a right one); after "Try again", on
// the item's first option. After submitting the final assessment it lands on the result; after
// "Retake", on the first option of the new attempt. Wherever it lands, it shows, and the next Tab
// goes where a learner expects. Both languages, with the keyboard alone.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useWebBuild } from '../support/web-build';
import { courseContent } from '../../build/harness/course-content';
import { answerFor, openPage } from '../../build/harness/course-driver';
import { seedRandom } from '../support/a11y';
import { KeyboardLearner } from '../support/keyboard';
import { isScored, type Lang, type Module } from '../../src/content/types';

const web = useWebBuild();

/** The focused element, whether its focus indicator shows (2 px outline or a shadow), and whether it matches. */
const focus = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { on: 'body', matches: false, visible: false };
    const cs = getComputedStyle(el);
    const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    return { on: `${el.tagName.toLowerCase()}.${el.className}`, matches: el.matches(sel), visible };
  }, selector);

async function openCourse(lang: Lang, pageId: string): Promise<KeyboardLearner> {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await seedRandom(context);
  const page = await context.newPage();
  await page.goto(`${web.url}/${lang}/`);
  await page.waitForSelector('h1#page-title');
  await openPage(page, pageId);
  await page.waitForFunction(() => document.activeElement?.id === 'page-title');
  return new KeyboardLearner(page);
}

describe.each<Lang>(['en', 'it'])('focus after a control goes away, in %s', (lang) => {
  const content = courseContent(lang);
  const quizModule = content.modules.find((m) => m.pages.some((p) => p.blocks.some((b) => b.kind === 'quiz')) && m.items.filter(isScored).length >= 2)!;
  const quizPage = quizModule.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'))!;
  const [first, second] = quizModule.items.filter(isScored);

  it('a module quiz: Check answer, then Try again, then a right answer', async () => {
    const kb = await openCourse(lang, quizPage.id);
    const form = `form[data-item="${first.id}"]`;
    await kb.answer(form, first, false);
    await kb.activate(`${form} button[type=submit]`);
    await kb.page.waitForSelector(`${form}[data-state="wrong"]`);
    expect(await focus(kb.page, `${form} button.secondary`)).toMatchObject({ matches: true, visible: true });

    await kb.press('Enter');
    await kb.page.waitForSelector(`${form}[data-state="open"]`);
    expect(await focus(kb.page, `${form} input`)).toMatchObject({ matches: true, visible: true });

    await kb.answer(form, first, true);
    await kb.activate(`${form} button[type=submit]`);
    await kb.page.waitForSelector(`${form}[data-state="right"]`);
    expect(await focus(kb.page, `${form} .feedback`)).toMatchObject({ matches: true, visible: true });
    // The feedback was announced where it appeared, and the next Tab goes on to the next question.
    expect(await kb.page.locator(`${form} .feedback`).getAttribute('aria-live')).toBe('polite');
    await kb.press('Tab');
    expect(await focus(kb.page, `form[data-item="${second.id}"] input`)).toMatchObject({ matches: true });
  });

  it('the final assessment: Submit, then Retake', async () => {
    const assessment = content.modules.find((m) => m.pages.some((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))) as Module;
    const page = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!;
    const kb = await openCourse(lang, page.id);
    // Every answer but the last set directly (keyboard-complete answers them all by keyboard); the
    // learner's focus in the one before, then the last answered and Submit pressed with the keyboard.
    const order = await kb.page.locator('.assessment fieldset[data-item]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-item')!));
    const items = order.map((id) => assessment.items.find((i) => i.id === id)!).filter(isScored);
    const last = items.at(-1)!;
    await kb.page.evaluate((sels) => {
      for (const sel of sels) {
        const input = document.querySelector<HTMLInputElement>(sel)!;
        if (!input.checked) input.click();
      }
      document.querySelector<HTMLInputElement>(sels.at(-1)!)!.focus();
    }, items.slice(0, -1).flatMap((item) => answerFor(item, false).inputs.map((i) => `fieldset[data-item="${item.id}"] ${i}`)));
    await kb.answer(`fieldset[data-item="${last.id}"]`, last, false);
    await kb.activate('.assessment button[type=submit]');
    await kb.page.waitForSelector('#assessment-result[data-passed="false"]');
    await kb.page.waitForFunction(() => document.activeElement?.id === 'assessment-result');
    expect(await focus(kb.page, '#assessment-result')).toMatchObject({ matches: true, visible: true });

    await kb.activate('#assessment-result button.primary');
    await kb.page.waitForSelector('#assessment-result', { state: 'detached' });
    expect(await focus(kb.page, '.assessment fieldset.quiz-item input')).toMatchObject({ matches: true, visible: true });
  });
});
