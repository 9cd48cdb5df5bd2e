// A learner takes the whole course in the web build, in each language: every page from the first
// to the last, every module quiz, the final assessment (a pass), the evaluation, the attestation
// of time, and the certificate with their name.
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../build/harness/browser';
import { useWebBuild } from '../support/web-build';
import { courseContent } from '../../build/harness/course-content';
import { answerModuleQuiz, openPage, skipActionabilityChecks, takeAssessment } from '../../build/harness/course-driver';

// Every Next is a real click, waited on as a learner's would be; answering the quizzes (which
// keyboard-complete and accessibility operate too) skips Playwright's pointer waits, each answer
// still showing its verdict.
skipActionabilityChecks();

const web = useWebBuild();

describe.each(['en', 'it'] as const)('the whole course in %s', (lang) => {
  it('goes from the first page to the certificate', async () => {
    const content = courseContent(lang);
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${web.url}/${lang}/`);
    await page.locator('main button.primary').click();
    await page.waitForSelector('h1#page-title');

    // Every page, in order, by Next.
    const total = content.modules.reduce((n, m) => n + m.pages.length, 0);
    for (let n = 1; n < total; n++) await page.locator('.page-nav button.primary').click();
    expect(await page.locator('.page-nav button.primary').count()).toBe(0);
    expect(await page.locator('.progress-bar').getAttribute('aria-valuenow')).toBe('100');

    for (const mod of content.modules.filter((m) => m.slug !== 'assessment')) await answerModuleQuiz(page, mod, true);
    const assessment = content.modules.find((m) => m.slug === 'assessment')!;
    await takeAssessment(page, assessment, true);
    expect(await page.locator('#assessment-result').getAttribute('data-passed')).toBe('true');

    const pageWith = (name: string) => assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === name))!.id;
    await openPage(page, pageWith('evaluation'));
    for (const group of await page.locator('.evaluation fieldset').all()) await group.locator('input[type=radio]').nth(3).check();
    await page.locator('.evaluation textarea').fill(lang === 'en' ? 'Clear and useful.' : 'Chiaro e utile.');
    await page.locator('.evaluation button[type=submit]').click();
    await page.waitForSelector('.evaluation .sent:not(:empty)');

    await openPage(page, pageWith('attestation'));
    expect(Number(await page.locator('#attested-minutes').inputValue())).toBeGreaterThanOrEqual(1);
    await page.locator('#attested-minutes').fill('110');
    await page.locator('.attestation button[type=submit]').click();

    await openPage(page, pageWith('certificate'));
    await page.locator('#learner-name').fill('Dr Ada Rossi');
    const certificate = page.locator('.certificate');
    await expect(certificate.innerText()).resolves.toContain('Dr Ada Rossi');
    await expect(certificate.innerText()).resolves.toContain('100%');
    expect(await certificate.getAttribute('data-certificate-id')).toMatch(/^BAL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
