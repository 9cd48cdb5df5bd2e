// The learner's part of a CATAPULT run. The rig's driver (drive.mjs) imports this module through
// tsx and calls it with the launched AU's page; `--story` says what the learner does, `--lang`
// which course they are in, `--requests` where to write every LRS request the AU made. The driver
// stops watching once the AU's page is gone, so this step keeps its own list until the end,
// including the requests still on the wire as the learner goes back to CATAPULT.
import { writeFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { courseContent } from '../../../build/harness/course-content';
import { answerModuleQuiz, takeAssessment } from '../../../build/harness/course-driver';
import type { Lang } from '../../../src/content/types';
import type { AuRequest, Story } from './catapult';

interface StepContext { page: Page; log: (...a: unknown[]) => void; args: Record<string, string> }

export default async function learner({ page, log, args }: StepContext): Promise<void> {
  const story = args.story as Story;
  const content = courseContent(args.lang as Lang);
  const assessment = content.modules.find((m) => m.slug === 'assessment')!;
  const requests = watchLrsRequests(page);
  // The machine may be busy with other builds: give each action room.
  page.setDefaultTimeout(60_000);
  try {
    await page.waitForSelector('.mode[data-standard="cmi5"]', { timeout: 20_000 });
    await page.locator('main button.primary').click();
    await page.waitForSelector('h1#page-title');
    if (story === 'pass') {
      // Every page, in order, by Next; then every module quiz and the final assessment, all right.
      const total = content.modules.reduce((n, m) => n + m.pages.length, 0);
      for (let n = 1; n < total; n++) await page.locator('.page-nav button.primary').click();
      for (const mod of content.modules.filter((m) => m.slug !== 'assessment')) await answerModuleQuiz(page, mod, true);
      await takeAssessment(page, assessment, true);
    } else if (story === 'fail') {
      await takeAssessment(page, assessment, false);
    } else {
      // browse / review: look at a teaching page and the assessment, answer nothing.
      await page.locator('.page-nav button.primary').click();
    }
    if (args.leave === 'close') {
      // Leaves without Exit, as closing the tab or typing another address does: only pagehide.
      log(`story ${story} done; leaving the page`);
      // A pause first, so the state written as the page goes differs in time from the last one before.
      await page.waitForTimeout(1500);
      await page.goto('about:blank');
    } else {
      log(`story ${story} done; pressing Exit`);
      await page.locator('header .exit').click();
      await page.waitForURL((u) => !u.pathname.endsWith('index.html'), { timeout: 15_000 });
    }
    // Anything the AU still had on the wire lands now.
    await page.waitForTimeout(2000);
  } finally {
    if (args.requests) writeFileSync(args.requests, JSON.stringify(requests, null, 2));
  }
}

/** Every request the AU makes to CATAPULT's LRS proxy, in the order sent, with its answer. */
function watchLrsRequests(page: Page): AuRequest[] {
  const list: AuRequest[] = [];
  const byRequest = new Map<Request, AuRequest>();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!url.pathname.startsWith('/lrs/') || req.method() === 'OPTIONS') return;
    const entry: AuRequest = { method: req.method(), resource: url.pathname.slice('/lrs/'.length), status: null };
    const stateId = url.searchParams.get('stateId');
    if (stateId) entry.stateId = stateId;
    if (entry.resource === 'statements' && req.method() === 'POST') {
      try {
        entry.verbs = ([] as { verb: { id: string } }[]).concat(JSON.parse(req.postData() ?? '[]')).map((s) => s.verb.id.split('/').pop()!);
      } catch {
        entry.verbs = [];
      }
    }
    byRequest.set(req, entry);
    list.push(entry);
  });
  page.on('requestfinished', async (req) => {
    const entry = byRequest.get(req);
    if (entry) entry.status = (await req.response().catch(() => null))?.status() ?? null;
  });
  page.on('requestfailed', (req) => {
    const entry = byRequest.get(req);
    if (entry) entry.failure = req.failure()?.errorText ?? 'failed';
  });
  return list;
}
