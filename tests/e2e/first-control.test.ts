// The first control works the instant it appears: a learner who presses it at once is not left on a
// page that ignores them. In every format and language, with the benchmark's harness (each package
// unpacked from its zip, SCORM in the test LMS page, cmi5 and Tin Can against the test LRS), a
// script injected before any of the course's own watches every DOM change and presses the control
// in the same instant it is in the page, visible, enabled and named:
// - a new learner's "Start the course" must bring page 1;
// - a returning learner must land on their bookmarked page with their answers shown, and its Next
//   button, pressed at once, must bring the page after it.
// A button drawn before the player's script that does nothing when pressed fails here (the last
// test shows that it would). At full speed: the bench (npm run bench -- --first-control) times it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { LANGS } from '../../src/content/types';
import { FORMATS, type Format } from '../../build/formats';
import { launchWithProbe, startBenchHarness, type BenchHarness } from '../../build/bench/first-control';
import { courseFrame, sitToBookmark, type ResumeSeed } from '../../build/bench/launches';
import { launchBrowser } from '../../build/harness/browser';
import { CONTENT_ROOT, DIST, OUTPUT } from '../../build/harness/paths';

let browser: Browser;
let h: BenchHarness;
beforeAll(async () => {
  browser = await launchBrowser();
  h = await startBenchHarness(CONTENT_ROOT, DIST, OUTPUT, { formats: [...FORMATS], langs: [...LANGS], gzip: false });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const ARRIVAL_MS = 20_000;

// The four launches of a format run side by side (each sitting and launch has its own context, and
// a resumed learner's LRS seed is told apart by its registration).
describe.concurrent.each(FORMATS)('%s: the first control pressed the instant it appears', (format: Format) => {
  for (const lang of LANGS) {
    it(`${lang}: a new learner's "Start the course" brings page 1`, async ({ expect }) => {
      const facts = h.facts[lang];
      const l = await launchWithProbe(browser, h, format, facts, 'new', null, { press: true, slowPhone: false, timeoutMs: ARRIVAL_MS });
      try {
        const course = await courseFrame(l.page, format, lang);
        const title = (await course.locator('h1#page-title').innerText()).trim();
        expect({ pressed: l.out?.pressed ?? false, arrived: l.out?.arrival != null, title }).toEqual({ pressed: true, arrived: true, title: facts.firstPage.title });
        expect(l.out!.arrival!).toBeGreaterThanOrEqual(l.out!.control);
      } finally {
        await l.context.close();
      }
    });

    it(`${lang}: a returning learner lands on the bookmarked page with their answers, and its Next works at once`, async ({ expect }) => {
      const facts = h.facts[lang];
      const seed: ResumeSeed = await sitToBookmark(browser, h, format, facts);
      const l = await launchWithProbe(browser, h, format, facts, 'resumed', seed, { press: true, slowPhone: false, timeoutMs: ARRIVAL_MS });
      try {
        const course = await courseFrame(l.page, format, lang);
        // The probe pressed Next only once the bookmarked page showed every saved answer.
        expect({ pressed: l.out?.pressed ?? false, arrived: l.out?.arrival != null }).toEqual({ pressed: true, arrived: true });
        expect((await course.locator('h1#page-title').innerText()).trim()).toBe(facts.bookmark.following.title);
        // And the answers are still there on the way back.
        await course.locator('.page-nav button.secondary').click();
        await course.locator('h1#page-title', { hasText: facts.bookmark.page.title }).waitFor();
        for (const item of facts.bookmark.items) expect(await course.locator(`form[data-item="${item.id}"]`).getAttribute('data-state')).toBe('right');
      } finally {
        await l.context.close();
      }
    });
  }
});

describe('the press-at-once check', () => {
  it('catches a "Start the course" drawn before the script that does nothing when pressed', async () => {
    // The web package with an inert Start button in its starting HTML: pressed at once, it is gone
    // when the player mounts, and the learner never reaches page 1.
    const facts = h.facts.en;
    const dir = join(OUTPUT, 'first-control', 'inert-start-web-en');
    mkdirSync(dir, { recursive: true });
    cpSync(join(DIST, 'web', 'en'), dir, { recursive: true });
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), html.replace('<p class="loading"', `<div class="actions"><button class="primary">${facts.startName}</button></div><p class="loading"`));
    const original = h.folders['/pkg/web-en/'];
    h.folders['/pkg/web-en/'] = dir;
    try {
      const l = await launchWithProbe(browser, h, 'web', facts, 'new', null, { press: true, slowPhone: false, timeoutMs: 5_000 });
      try {
        expect(l.out).toBeNull();
        const course = await courseFrame(l.page, 'web', 'en');
        expect((await course.locator('h1#page-title').innerText()).trim()).not.toBe(facts.firstPage.title);
      } finally {
        await l.context.close();
      }
    } finally {
      h.folders['/pkg/web-en/'] = original;
    }
  });
});
