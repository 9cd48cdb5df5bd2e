// The xapi (Tin Can) zip launched with endpoint, auth, actor, registration and activity_id: the
// statements the test LRS stores, without cmi5 categories, and resume from the State API.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { collectErrors } from '../../build/harness/browser';
import { TEST_AUTH } from '../../build/harness/lrs/lrs-front';
import { leaveCourse, verbOf, waitForCourse, waitForStatements, type HostedPackage } from '../../build/harness/lrs/package-host';
import { courseContent } from '../../build/harness/course-content';
import { useLrsRig } from '../support/lrs-rig';
import { answerModuleQuiz, openPage, skipActionabilityChecks } from '../../build/harness/course-driver';
import { isScored } from '../../src/content/types';

// This file checks what is recorded, not how controls respond to a pointer (keyboard-complete,
// keyboard-complete and accessibility do that): actions skip Playwright's waits, and each still shows its effect.
skipActionabilityChecks();

const content = courseContent('en');
const teaching = content.modules.filter((m) => m.slug !== 'assessment');
const ACTOR = { objectType: 'Agent', name: 'Ben Test', mbox: 'mailto:ben@example.org' };

const rig = useLrsRig('xapi');
beforeEach(() => rig.lrs.reset());

export function tinCanUrl(lrsEndpoint: string, p: HostedPackage, registration: string, auth = TEST_AUTH): string {
  const q = new URLSearchParams({ endpoint: lrsEndpoint, auth, actor: JSON.stringify(ACTOR), registration, activity_id: p.activityId });
  return `${p.baseUrl}${p.launchPath}?${q}`;
}

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await rig.browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await waitForCourse(page);
  await page.waitForSelector('.mode[data-standard="xapi"]');
  return { page, errors };
}

describe('Tin Can package launched with the five parameters', () => {
  it('stores the statements: initialized, pages, answers, suspended, terminated; no cmi5 vocabulary', async () => {
    const registration = randomUUID();
    const { page, errors } = await open(tinCanUrl(rig.lrs.endpoint, rig.pkg, registration));
    await openPage(page, teaching[0].pages[1].id);
    const answered = await answerModuleQuiz(page, teaching[1], true);
    await leaveCourse(page);
    const all = await waitForStatements(rig.lrs, (a) => a.some((s) => s.context?.registration === registration && verbOf(s) === 'terminated'));
    const list = all.filter((s) => s.context?.registration === registration);
    const verbs = list.map(verbOf);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.slice(-2)).toEqual(['suspended', 'terminated']);
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(answered);
    expect(verbs).toContain('experienced');
    for (const s of list) {
      expect(s.actor).toMatchObject({ mbox: ACTOR.mbox });
      expect(JSON.stringify(s.context)).not.toContain('cmi5');
      expect(s.context?.language).toBe('en');
      const id = (s.object as { id: string }).id;
      expect(id === rig.pkg.activityId || id.startsWith(`${content.outline.iri}/`)).toBe(true);
    }
    const answer = list.find((s) => verbOf(s) === 'answered')!;
    expect((answer.object as { definition: { interactionType: string } }).definition.interactionType).toBeTruthy();
    expect(answer.context?.contextActivities?.grouping?.[0].id).toBe(rig.pkg.activityId);
    expect(rig.lrs.requests.every((r) => r.version === '1.0.3')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('resumes from the State API on another device (a fresh browser context)', async () => {
    const registration = randomUUID();
    const first = await open(tinCanUrl(rig.lrs.endpoint, rig.pkg, registration));
    const mod = teaching[2];
    await answerModuleQuiz(first.page, mod, true);
    const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'))!;
    await leaveCourse(first.page);
    await waitForStatements(rig.lrs, (a) => a.some((s) => s.context?.registration === registration && verbOf(s) === 'terminated'));
    const second = await open(tinCanUrl(rig.lrs.endpoint, rig.pkg, registration));
    await second.page.waitForFunction((id) => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') === `#${id}`, quizPage.id);
    for (const item of mod.items.filter(isScored)) await second.page.waitForSelector(`form[data-item="${item.id}"][data-state="right"]`);
    await leaveCourse(second.page);
    const all = await waitForStatements(rig.lrs, (a) => a.filter((s) => s.context?.registration === registration && verbOf(s) === 'terminated').length === 2);
    const verbs = all.filter((s) => s.context?.registration === registration).map(verbOf);
    const secondStart = verbs.lastIndexOf('initialized');
    expect(verbs[secondStart + 1]).toBe('resumed');
  });

  it('runs standalone and says so when opened without launch parameters', async () => {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${rig.pkg.baseUrl}${rig.pkg.launchPath}`);
    await waitForCourse(page);
    await page.waitForSelector('[data-notice="notice.noLms"]');
    expect(await page.locator('.mode').getAttribute('data-standard')).not.toBe('xapi');
    expect(rig.lrs.requests).toHaveLength(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
