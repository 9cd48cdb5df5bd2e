// The outbox under faults, in the built xapi zip against the test LRS: down at launch then back,
// 500s, slow answers, 401, a 400 for one statement, and a tab closed with statements queued.
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Statement } from '@xapi/xapi';
import { randomUUID } from 'node:crypto';
import { TEST_AUTH } from '../../build/harness/lrs/lrs-front';
import { leaveCourse, verbOf, waitForCourse, waitForStatements } from '../../build/harness/lrs/package-host';
import { courseContent } from '../../build/harness/course-content';
import { useLrsRig } from '../support/lrs-rig';
import { answerModuleQuiz, openPage, skipActionabilityChecks } from '../../build/harness/course-driver';

// This file checks what is recorded, not how controls respond to a pointer (keyboard-complete,
// keyboard-complete and accessibility do that): actions skip Playwright's waits, and each still shows its effect.
skipActionabilityChecks();

const content = courseContent('en');
const teaching = content.modules.filter((m) => m.slug !== 'assessment');
const ACTOR = { objectType: 'Agent', name: 'Cleo Test', mbox: 'mailto:cleo@example.org' };
const OUTBOX_KEY = `balint:${content.outline.id}:${content.outline.version}:en:xapi:outbox`;

const rig = useLrsRig('xapi');
beforeEach(() => rig.lrs.reset());

const url = (registration: string) =>
  `${rig.pkg.baseUrl}${rig.pkg.launchPath}?${new URLSearchParams({ endpoint: rig.lrs.endpoint, auth: TEST_AUTH, actor: JSON.stringify(ACTOR), registration, activity_id: rig.pkg.activityId })}`;

async function open(registration: string, context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await rig.browser.newContext());
  const page = await ctx.newPage();
  await page.goto(url(registration));
  await waitForCourse(page);
  return page;
}

const mine = (all: Statement[], registration: string) => all.filter((s) => s.context?.registration === registration);
const outbox = (page: Page, key = OUTBOX_KEY) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"pending":[],"setAside":[]}'), key) as Promise<{ pending: Statement[]; setAside: { statement: Statement; status: number; reason: string }[] }>;

/** Every statement once, and in the order made (timestamps never go backwards in stored order). */
function expectOnceInOrder(list: Statement[]) {
  const ids = list.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  const times = list.map((s) => Date.parse(s.timestamp!));
  for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
  expect(verbOf(list[0])).toBe('initialized');
}

async function learn(page: Page) {
  await openPage(page, teaching[0].pages[1].id);
  return answerModuleQuiz(page, teaching[1], true);
}

describe('the outbox under LRS faults (xapi package)', () => {
  it('LRS down at launch, then back: every statement arrives exactly once, in order', async () => {
    const registration = randomUUID();
    rig.lrs.faults.down = true;
    const page = await open(registration);
    await page.waitForSelector('[data-notice="notice.xapiOffline"]');
    const answered = await learn(page);
    expect(mine(await rig.lrs.statements(), registration)).toHaveLength(0);
    rig.lrs.faults.down = false;
    await leaveCourse(page);
    const all = await waitForStatements(rig.lrs, (a) => mine(a, registration).some((s) => verbOf(s) === 'terminated'));
    const list = mine(all, registration);
    expectOnceInOrder(list);
    expect(list.filter((s) => verbOf(s) === 'answered')).toHaveLength(answered);
    expect(verbOf(list.at(-1)!)).toBe('terminated');
  });

  it('500s are retried until the statements arrive once', async () => {
    const registration = randomUUID();
    rig.lrs.faults.fail500 = 3;
    const page = await open(registration);
    await learn(page);
    await waitForStatements(rig.lrs, (a) => mine(a, registration).some((s) => verbOf(s) === 'answered'));
    expect(rig.lrs.requests.filter((r) => r.path === 'statements' && r.status === 500)).toHaveLength(3);
    await leaveCourse(page);
    const list = mine(await waitForStatements(rig.lrs, (a) => mine(a, registration).some((s) => verbOf(s) === 'terminated')), registration);
    expectOnceInOrder(list);
  });

  it('slow answers never hold the learner up, and the statements still arrive once', async () => {
    const registration = randomUUID();
    const page = await open(registration);
    rig.lrs.faults.delayMs = 4000;
    const t0 = Date.now();
    for (const p of teaching[0].pages.slice(0, 4)) await openPage(page, p.id);
    expect(Date.now() - t0).toBeLessThan(3000);
    rig.lrs.faults.delayMs = 1500;
    await leaveCourse(page);
    const list = mine(await waitForStatements(rig.lrs, (a) => mine(a, registration).some((s) => verbOf(s) === 'terminated')), registration);
    expectOnceInOrder(list);
  });

  it('401: stops sending, tells the learner progress is saved locally, and delivers on the next launch', async () => {
    const registration = randomUUID();
    rig.lrs.faults.unauthorised = true;
    const context = await rig.browser.newContext();
    const page = await open(registration, context);
    await page.waitForSelector('[data-notice="notice.xapiUnauthorised"]');
    await learn(page);
    const kept = await outbox(page);
    expect(kept.pending.length).toBeGreaterThan(0);
    const statementPosts = () => rig.lrs.requests.filter((r) => r.path === 'statements').length;
    const postsWhileStopped = statementPosts();
    await openPage(page, teaching[0].pages[0].id);
    await page.waitForTimeout(1500);
    expect(statementPosts()).toBe(postsWhileStopped);
    await page.close();
    rig.lrs.faults.unauthorised = false;
    const again = await open(registration, context);
    const all = await waitForStatements(rig.lrs, (a) => mine(a, registration).some((s) => kept.pending.at(-1)?.id === s.id));
    for (const s of kept.pending) expect(all.some((x) => x.id === s.id)).toBe(true);
    await leaveCourse(again);
  });

  it('a 400 for one statement sets it aside with the reason and does not block the rest', async () => {
    const registration = randomUUID();
    rig.lrs.faults.rejectWhen = (s) => verbOf(s) === 'answered';
    const page = await open(registration);
    const answered = await learn(page);
    await page.waitForSelector('[data-notice="notice.xapiRejected"]');
    const box = await outbox(page);
    expect(box.setAside).toHaveLength(1);
    expect(box.setAside[0]).toMatchObject({ status: 400, statement: { id: rig.lrs.rejectedId } });
    expect(box.setAside[0].reason).toContain('refused');
    await leaveCourse(page);
    const list = mine(await waitForStatements(rig.lrs, (a) => mine(a, registration).some((s) => verbOf(s) === 'terminated')), registration);
    expectOnceInOrder(list);
    expect(list.some((s) => s.id === rig.lrs.rejectedId)).toBe(false);
    expect(list.filter((s) => verbOf(s) === 'answered')).toHaveLength(answered - 1);
  });

  it('a tab closed with statements queued: they are delivered on the next launch', async () => {
    const registration = randomUUID();
    const context = await rig.browser.newContext();
    const page = await open(registration, context);
    rig.lrs.faults.down = true;
    const answered = await learn(page);
    await page.close({ runBeforeUnload: true });
    rig.lrs.faults.down = false;
    const relaunch = await open(registration, context);
    const all = await waitForStatements(rig.lrs, (a) => mine(a, registration).filter((s) => verbOf(s) === 'answered').length === answered);
    const list = mine(all, registration);
    expect(list.filter((s) => verbOf(s) === 'terminated').length).toBeGreaterThanOrEqual(1);
    const ids = list.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    await leaveCourse(relaunch);
  });
});
