// Drives the course in a page or frame as a learner would: menu links, Next, answer controls.
import type { Frame, Locator, Page } from 'playwright-core';
import type { Module, ScoredItem } from '../../src/content/types';
import { isScored } from '../../src/content/types';

type Target = Page | Frame;

/** Playwright's actionability checks wait on animation frames, which Chromium runs slowly in an
 *  LMS player's nested frame (about 2 s a click in Moodle's). Drivers there skip the checks; each
 *  action is still followed by a wait for what the learner would see. */
const actions = { force: false };
export function skipActionabilityChecks(): void {
  actions.force = true;
}
/** Back to Playwright's checks: each test file starts so (several files share one process). */
export function useActionabilityChecks(): void {
  actions.force = false;
}

/** Clicks or checks. When checks are skipped, the forced action must show its effect (`done`, or
 *  for a check the box's own state) within a few seconds; if it missed (the page was still
 *  settling, or a sticky header took the click), it is done again the careful way. */
async function act(locator: Locator, kind: 'click' | 'check', done?: (timeout?: number) => Promise<unknown>): Promise<void> {
  if (!actions.force) {
    await locator[kind]();
    await done?.();
    return;
  }
  try {
    // A box is checked on the element itself: a forced click goes to where the element was, and in
    // a frame still scrolling it can land on the option beside it (seen in Moodle's player).
    if (kind === 'check') await locator.evaluate((el) => { if (!(el as HTMLInputElement).checked) (el as HTMLInputElement).click(); }, undefined, { timeout: 5_000 });
    else await locator.click({ force: true, timeout: 5_000 });
    if (kind === 'check' && !(await locator.isChecked())) throw new Error('not checked');
    await done?.(5_000);
  } catch {
    if (kind === 'check' && (await locator.isChecked().catch(() => false))) return;
    if (done && (await done(1_000).then(() => true, () => false))) return;
    await locator[kind]();
    await done?.();
  }
}

export async function openPage(target: Target, pageId: string): Promise<void> {
  const link = target.locator(`#course-menu a[href="#${pageId}"]`);
  // On narrow screens the menu is closed, and each module's page list folds: open them first.
  const toggle = target.locator('.menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await act(toggle, 'click', (timeout) => target.waitForSelector('.menu-toggle[aria-expanded="true"]', { timeout }));
  }
  const details = target.locator(`#course-menu details:has(a[href="#${pageId}"])`);
  if ((await details.getAttribute('open')) === null) {
    await act(details.locator('summary'), 'click', (timeout) => link.waitFor({ state: 'visible', timeout }));
  }
  await act(link, 'click', (timeout) =>
    target.waitForFunction((id) => document.querySelector(`#course-menu a[aria-current="page"]`)?.getAttribute('href') === `#${id}`, pageId, { timeout }),
  );
}

/** The answer a learner would give: right, or deliberately wrong. */
export function answerFor(item: ScoredItem, right: boolean): { inputs: string[] } {
  const sel = (name: string, value: string) => `input[name="${name}"][value="${value}"]`;
  switch (item.type) {
    case 'single': {
      const o = item.options.find((x) => x.correct === right) ?? item.options[0];
      return { inputs: [sel(item.id, o.id)] };
    }
    case 'multiple': {
      const chosen = right ? item.options.filter((o) => o.correct) : [item.options.find((o) => !o.correct) ?? item.options[0]];
      return { inputs: chosen.map((o) => `input[type=checkbox][value="${o.id}"]`) };
    }
    case 'truefalse':
      return { inputs: [sel(item.id, String(right ? item.answer : !item.answer))] };
    case 'sort':
      return {
        inputs: item.statements.map((s, i) => {
          const wrong = item.categories.find((c) => c.id !== s.category)!.id;
          return sel(`${item.id}-${s.id}`, right || i > 0 ? s.category : wrong);
        }),
      };
    case 'match':
      return {
        inputs: item.sources.map((s, i) => {
          const wrong = item.targets.find((t) => t.id !== s.target)!.id;
          return sel(`${item.id}-${s.id}`, right || i > 0 ? s.target : wrong);
        }),
      };
  }
}

export async function chooseAnswer(target: Target, container: string, item: ScoredItem, right: boolean): Promise<void> {
  for (const input of answerFor(item, right).inputs) await act(target.locator(`${container} ${input}`), 'check');
}

/** Answers every scored item on a module's quiz page and checks each. */
export async function answerModuleQuiz(target: Target, mod: Module, right: boolean): Promise<number> {
  const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'));
  if (!quizPage) return 0;
  await openPage(target, quizPage.id);
  let n = 0;
  for (const item of mod.items.filter(isScored)) {
    const form = `form[data-item="${item.id}"]`;
    await chooseAnswer(target, form, item, right);
    await act(target.locator(`${form} button[type=submit]`), 'click', (timeout) => target.waitForSelector(`${form}[data-state="${right ? 'right' : 'wrong'}"]`, { timeout }));
    n++;
  }
  return n;
}

/** Answers the final assessment (right or wrong) and submits it. */
export async function takeAssessment(target: Target, mod: Module, right: boolean): Promise<number> {
  const page = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'))!;
  await openPage(target, page.id);
  const items = mod.items.filter(isScored);
  for (const item of items) await chooseAnswer(target, `fieldset[data-item="${item.id}"]`, item, right);
  await act(target.locator('.assessment button[type=submit]'), 'click', (timeout) => target.waitForSelector('#assessment-result', { timeout }));
  return items.length;
}

/** Rates every evaluation question (the fourth point of each scale), writes the comment and sends it. */
export async function sendEvaluation(target: Target, mod: Module, comment: string): Promise<void> {
  const page = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'evaluation'))!;
  await openPage(target, page.id);
  for (const group of await target.locator('.evaluation fieldset').all()) await act(group.locator('input[type=radio]').nth(3), 'check');
  await target.locator('.evaluation textarea').fill(comment);
  await act(target.locator('.evaluation button[type=submit]'), 'click', (timeout) => target.waitForSelector('.evaluation .sent:not(:empty)', { timeout }));
}
