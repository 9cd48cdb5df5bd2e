// `npm run dev`'s preview LMS, as a developer uses it: the dev server runs as its own process on a
// copy of the content, the page is driven in Chromium, and the test reads what the developer reads,
// the API log table and the course in the frame. A full run, reset, relaunch (resume) and a live
// edit of a module's Markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { collectErrors, launchBrowser } from '../../build/harness/browser';
import { OUTPUT, ROOT } from '../../build/harness/paths';
import { courseContent } from '../../build/harness/course-content';
import { isScored } from '../../src/content/types';
import { answerModuleQuiz, openPage, takeAssessment, skipActionabilityChecks } from '../../build/harness/course-driver';

// This file checks what is recorded, not how controls respond to a pointer (keyboard-complete,
// keyboard-complete and accessibility do that): actions skip Playwright's waits, and each still shows its effect.
skipActionabilityChecks();

let browser: Browser;
let server: ChildProcess;
let url = '';
let contentRoot = '';
const serverOutput: string[] = [];

beforeAll(async () => {
  // The dev server edits nothing, but this test edits content: always a copy, never the real files.
  contentRoot = mkdtempSync(join(tmpdir(), 'balint-preview-'));
  for (const dir of ['course', 'modules']) cpSync(join(ROOT, dir), join(contentRoot, dir), { recursive: true });
  server = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'build', 'dev', 'server.ts'), contentRoot, '--port', '0'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${serverOutput.join('')}`)), 60_000);
    const read = (chunk: Buffer) => {
      serverOutput.push(chunk.toString());
      const m = /Preview LMS: (http:\/\/\S+?)\/\?/.exec(serverOutput.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`dev server exited with ${code}:\n${serverOutput.join('')}`)));
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (contentRoot) rmSync(contentRoot, { recursive: true, force: true });
});

interface Row { call: string; element: string; value: string; result: string; error: string }

/** The API log as the developer sees it in the panel. */
async function logRows(page: Page): Promise<Row[]> {
  return page.$$eval('#api-log tbody tr:not(.launch)', (trs) =>
    trs.map((tr) => {
      const c = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { call: c[2], element: c[3], value: c[4], result: c[5], error: c[6] };
    }),
  );
}

const launches = (page: Page) => page.locator('#api-log tr.launch').count();

/** The course frame of the latest launch, once its menu is there. */
async function courseFrame(page: Page): Promise<Frame> {
  // The first build of a format can take several seconds on a busy machine.
  const until = Date.now() + 90_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/pkg/') && !f.isDetached());
    if (frame) {
      try {
        await frame.waitForSelector('#course-menu', { state: 'attached', timeout: 2_000 });
        return frame;
      } catch {
        // the frame was replaced while loading: look again
      }
    }
    if (Date.now() > until) {
      const status = await page.locator('#build-status').innerText().catch(() => '?');
      throw new Error(`no course frame in the preview; status "${status}"; frames ${page.frames().map((f) => f.url()).join(', ')}; dev server said:\n${serverOutput.join('').slice(-2000)}`);
    }
    await page.waitForTimeout(200);
  }
}

async function relaunchBy(page: Page, button: '#relaunch' | '#reset'): Promise<Frame> {
  const before = await launches(page);
  await page.locator(button).click();
  await page.waitForFunction((n) => document.querySelectorAll('#api-log tr.launch').length > n, before);
  return courseFrame(page);
}

const current = (frame: Frame) => frame.evaluate(() => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href'));

const content = courseContent('en');
const assessment = content.modules.find((m) => m.slug === 'assessment')!;
const teaching = content.modules.filter((m) => m.slug !== 'assessment');

describe.each([
  ['scorm2004', { init: 'Initialize', set: 'SetValue', finish: 'Terminate', raw: 'cmi.score.raw', location: 'cmi.location', }],
  ['scorm12', { init: 'LMSInitialize', set: 'LMSSetValue', finish: 'LMSFinish', raw: 'cmi.core.score.raw', location: 'cmi.core.lesson_location', }],
] as const)('the preview LMS in %s', (standard, api) => {
  it('logs a run: Initialize, the answers, the score and Terminate', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${url}/?standard=${standard}&lang=en`);
    const frame = await courseFrame(page);
    await answerModuleQuiz(frame, teaching[1], true);
    await takeAssessment(frame, assessment, true);
    expect(await frame.locator('#assessment-result').getAttribute('data-passed')).toBe('true');
    await page.screenshot({ path: join(OUTPUT, `preview-lms-${standard}-passed.png`) });
    // Closing the course (here by Relaunch) is what makes a course terminate.
    await relaunchBy(page, '#relaunch');
    const rows = await logRows(page);
    const ok = (r: Row) => r.result === 'true' && r.error === '0';
    expect(rows.find((r) => r.call === api.init && ok(r))).toBeTruthy();
    // Every answer of the final assessment, as the course set it.
    const answers = rows.filter((r) => r.call === api.set && /^cmi\.interactions\.\d+\.(student|learner)_response$/.test(r.element ?? '') && ok(r));
    expect(answers.length).toBeGreaterThanOrEqual(assessment.items.filter(isScored).length);
    expect(rows.find((r) => r.call === api.set && r.element === api.raw && r.value === '100' && ok(r))).toBeTruthy();
    if (standard === 'scorm2004') {
      expect(rows.find((r) => r.call === api.set && r.element === 'cmi.score.scaled' && Number(r.value) === 1 && ok(r))).toBeTruthy();
      expect(rows.find((r) => r.call === api.set && r.element === 'cmi.success_status' && r.value === 'passed')).toBeTruthy();
    } else {
      expect(rows.find((r) => r.call === api.set && r.element === 'cmi.core.lesson_status' && r.value === 'passed')).toBeTruthy();
    }
    const finishAt = rows.findIndex((r) => r.call === api.finish && ok(r));
    expect(finishAt).toBeGreaterThan(0);
    // The relaunch after it starts a new session: a second Initialize follows the Terminate.
    expect(rows.slice(finishAt).some((r) => r.call === api.init)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('relaunch resumes on the bookmark; reset starts a new attempt from the beginning', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${url}/?standard=${standard}&lang=en`);
    let frame = await courseFrame(page);
    const target = teaching[2].pages[1].id;
    await openPage(frame, target);

    frame = await relaunchBy(page, '#relaunch');
    await frame.waitForFunction((id) => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') === `#${id}`, target);
    let rows = await logRows(page);
    const lastInit = rows.map((r) => r.call).lastIndexOf(api.init);
    expect(rows.slice(lastInit).find((r) => r.element === api.location)?.result).toBe(target);
    expect(await page.locator('#api-log tr.launch').last().innerText()).toMatch(/relaunch, entry resume/);

    frame = await relaunchBy(page, '#reset');
    expect(await page.locator('#api-log tr.launch').last().innerText()).toMatch(/reset: new attempt, entry ab-initio/);
    rows = await logRows(page);
    const resetInit = rows.map((r) => r.call).lastIndexOf(api.init);
    // The LMS holds no bookmark any more (2004 adds error 403, "not initialised"; 1.2 answers empty).
    expect(rows.slice(resetInit).find((r) => r.element === api.location)?.result).toBe('');
    // A new attempt opens on the title page, with nothing seen.
    expect(await current(frame)).not.toBe(`#${target}`);
    await expect(frame.locator('main').innerText()).resolves.toMatch(/0 of \d+ pages seen/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('editing content while the preview is open', () => {
  it('rebuilds and reloads the course with the new sentence, on the page being edited', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/?standard=scorm2004&lang=en`);
    let frame = await courseFrame(page);
    await openPage(frame, 'welcome-start');
    const before = await launches(page);

    const file = join(contentRoot, 'modules', 'welcome', 'en.md');
    const sentence = 'The course has nine modules.';
    const edited = 'This sentence was edited in the preview test.';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(sentence);
    writeFileSync(file, text.replace(sentence, edited));

    await page.waitForFunction((n) => document.querySelectorAll('#api-log tr.launch').length > n, before, { timeout: 60_000 });
    frame = await courseFrame(page);
    await frame.waitForSelector(`text=${edited}`);
    expect(await current(frame)).toBe('#welcome-start');
    expect(await page.locator('#build-status').innerText()).toMatch(/build \d+\); reload after editing modules\/welcome\/en\.md/);
    await page.screenshot({ path: join(OUTPUT, 'preview-lms-after-edit.png') });

    // A broken edit: the page names the file and line, the terminal too, and the last good build stays.
    writeFileSync(file, text.replace('{#welcome-objectives}', '{#welcome-start}'));
    await page.waitForSelector('#problems:not([hidden])', { timeout: 60_000 });
    const problems = await page.locator('#problems li').allInnerTexts();
    const problem = problems.find((p) => /^modules\/welcome\/en\.md:25: duplicate id "welcome-start"/.test(p));
    expect(problem, problems.join('\n')).toBeTruthy();
    expect(serverOutput.join('')).toContain(problem);
    await expect(frame.locator('main').innerText()).resolves.toContain(edited);
    await page.screenshot({ path: join(OUTPUT, 'preview-lms-problem.png') });
    writeFileSync(file, text);
    await context.close();
  }, 120_000);
});
