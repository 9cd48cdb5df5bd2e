// A learner in the web build writes reflections in three modules, passes the final assessment,
// downloads the certificate as a PDF, exports the reflection journal as Markdown and as a PDF
// reflective note, then deletes the journal from the device. The PDFs are read back with an
// independent parser: structure (xref offsets, trailer, /Root) and the text a reader would see.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Download, Page } from 'playwright-core';
import { collectErrors } from '../../build/harness/browser';
import { useWebBuild } from '../support/web-build';
import { OUTPUT } from '../../build/harness/paths';
import { courseContent } from '../../build/harness/course-content';
import { openPage, takeAssessment } from '../../build/harness/course-driver';
import { pdfText, readPdf } from '../support/pdf-reader';
import { LmsSession, startLmsServer } from '../../build/harness/lms/lms-session';
import type { Module, ReflectionItem } from '../../src/content/types';

const web = useWebBuild();

/** What the learner writes: accents, typographic quotes and dashes, and a line break, so the
 *  exports are checked on the text a real reflection has. */
const WRITING = {
  en: [
    'I noticed how irritated I felt by the patient’s third visit – and how it faded once I stopped “fixing”.',
    'My own training taught me to hurry.\nThe group made me slow down… and listen.',
    'I will try to keep the doctor–patient relationship in view, not just the test results.',
  ],
  it: [
    'Mi ha colpito quanto fossi irritata dalla terza visita del paziente – e come è passata quando ho smesso di “aggiustare”.',
    'La mia formazione mi ha insegnato a correre.\nIl gruppo mi ha fatto rallentare… e ascoltare perché.',
    'Proverò a tenere presente la relazione medico–paziente, non solo gli esami: è lì che si cura di più.',
  ],
} as const;
const NAMES = { en: 'Dr Ada Rossi', it: 'Dott.ssa Àda Rossì' } as const;
const NOTE = { en: 'That my reaction to a patient is information, not a failure.', it: 'Che la mia reazione a un paziente è un’informazione, non un fallimento.' } as const;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's WCAG 2.x A/AA violations inside `selector` (this feature's part of the page). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the debugging protocol, so the course's own CSP stays on for the test.
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(el: Element, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document.querySelector(sel)!, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { file, bytes: readFileSync((await file.path())!) };
}

async function openJournalFromMenu(page: Page): Promise<void> {
  const toggle = page.locator('.menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('#course-menu a[href="#journal"]').click();
  await page.waitForSelector('.journal-status');
}

function reflectionPage(mod: Module, itemId: string): string {
  return mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz' && b.itemIds.includes(itemId)))!.id;
}

describe.each(['en', 'it'] as const)('certificate and reflection journal in %s', (lang) => {
  it('downloads a certificate PDF and exports, then deletes, every reflection written', async () => {
    const content = courseContent(lang);
    const shots = join(OUTPUT, 'screenshots', 'certificate-journal', lang);
    mkdirSync(shots, { recursive: true });
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${web.url}/${lang}/`);
    await page.waitForSelector('h1#page-title');

    // Before any reflection, the journal says so.
    await openJournalFromMenu(page);
    await expect(page.locator('.journal-empty').isVisible()).resolves.toBe(true);

    // Reflections in three modules, one each.
    const modules = content.modules.filter((m) => m.items.some((i) => i.type === 'reflection')).slice(0, 3);
    expect(modules.length).toBe(3);
    const written = modules.map((mod, n) => {
      const item = mod.items.find((i): i is ReflectionItem => i.type === 'reflection')!;
      return { mod, item, text: WRITING[lang][n] };
    });
    for (const w of written) {
      await openPage(page, reflectionPage(w.mod, w.item.id));
      const form = page.locator(`form.reflection[data-item="${w.item.id}"]`);
      await form.locator('textarea').fill(w.text);
      await form.locator('button[type=submit]').click();
      await page.waitForSelector(`form.reflection[data-item="${w.item.id}"] .save-status:not(:empty)`);
    }

    // Pass the final assessment and reach the certificate.
    const assessment = content.modules.find((m) => m.slug === 'assessment')!;
    await takeAssessment(page, assessment, true);
    expect(await page.locator('#assessment-result').getAttribute('data-passed')).toBe('true');
    const certPage = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'certificate'))!.id;
    await openPage(page, certPage);

    // Without a name the PDF is not made: the learner is sent to the name field.
    await page.locator('.certificate-pdf').click();
    await expect(page.locator('.certificate-status').innerText()).resolves.not.toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('learner-name');

    const name = NAMES[lang];
    await page.locator('#learner-name').fill(name);
    // Without the attestation of time there are no hours to certify: no PDF yet, and the learner is told why.
    await page.locator('.certificate-pdf').click();
    await expect(page.locator('.certificate-status').innerText()).resolves.toBe(content.outline.ui['certificate.needAttestation']);
    const attestPage = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'attestation'))!.id;
    await openPage(page, attestPage);
    await page.locator('#attested-minutes').fill('150');
    await page.locator('.attestation button[type=submit]').click();
    await page.waitForSelector('.attestation .done:not(:empty)');
    await openPage(page, certPage);
    expect(await page.locator('#learner-name').inputValue()).toBe(name);
    const hours = (await page.locator('.certificate dd').nth(3).innerText()).trim();
    expect(hours).toContain(lang === 'en' ? '2.5 hours' : '2,5 ore');
    const certId = (await page.locator('.certificate').getAttribute('data-certificate-id'))!;
    const score = (await page.locator('.certificate dd').nth(2).innerText()).trim();
    expect(score).toBe('100%');

    const cert = await download(page, () => page.locator('.certificate-pdf').click());
    expect(cert.file.suggestedFilename()).toBe(`balint-certificate-${certId}.pdf`);
    writeFileSync(join(shots, 'certificate.pdf'), cert.bytes); // kept for a person to open
    const certBytes = cert.bytes.toString('latin1');
    expect(certBytes.startsWith('%PDF-')).toBe(true);
    expect(certBytes.trimEnd().endsWith('%%EOF')).toBe(true);
    const certPdf = readPdf(cert.bytes);
    expect(certPdf.problems).toEqual([]);
    expect(certPdf.pages.length).toBe(1);
    const certText = pdfText(certPdf);
    expect(certText).toContain(name);
    expect(certText).toContain(score);
    expect(certText).toContain(certId);
    expect(collapse(certText)).toContain(collapse(hours));
    expect(certText).toContain(collapse(content.outline.title));
    expect(certText).toContain(content.outline.version);
    expect(certText).toContain(collapse(content.outline.cme.statement));
    expect(certPdf.info.Author).toBe(name);
    await expect(page.locator('.certificate-status').innerText()).resolves.toContain(`balint-certificate-${certId}.pdf`);

    await page.screenshot({ path: join(shots, 'certificate-1280.png'), fullPage: true });
    // As a learner arriving at the certificate sees it: its top below the sticky header, not under it.
    await page.locator('.certificate-area').evaluate((el) => el.scrollIntoView());
    expect(await axeViolations(page, '.certificate-area')).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(shots, 'certificate-print.png'), fullPage: true });
    // Printed, the page shows the certificate and nothing of the surrounding course.
    expect(await page.locator('.certificate').isVisible()).toBe(true);
    expect(await page.locator('#page-title').isVisible()).toBe(false);
    expect(await page.locator('.certificate-actions').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(shots, 'certificate-360.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The journal, from the certificate page: every reflection with its prompt and module.
    await page.locator('.certificate-journal').click();
    await page.waitForSelector('.journal-status');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    const entries = page.locator('.journal-entry');
    expect(await entries.count()).toBe(written.length);
    for (const w of written) {
      const entry = page.locator(`.journal-entry[data-item="${w.item.id}"]`);
      expect(await entry.locator('.journal-text').innerText()).toBe(w.text);
      expect(collapse(await entry.locator('.journal-prompt').innerText())).toBe(collapse(w.item.prompt));
      expect(await page.locator('.journal-module', { has: entry }).locator('h2').innerText()).toContain(w.mod.title);
    }
    await page.locator('#journal-learned').fill(NOTE[lang]);
    expect(await axeViolations(page, 'main')).toEqual([]);

    const md = await download(page, () => page.locator('button[data-export="markdown"]').click());
    expect(md.file.suggestedFilename()).toMatch(/^balint-journal-\d{4}-\d{2}-\d{2}\.md$/);
    writeFileSync(join(shots, 'journal.md'), md.bytes);
    const markdown = md.bytes.toString('utf8');
    for (const w of written) {
      // The learner's line breaks are kept as Markdown hard breaks.
      expect(markdown).toContain(w.text.trim().replace(/\n/g, '  \n'));
      expect(markdown).toContain(w.item.prompt);
      expect(markdown).toContain(w.mod.title);
    }
    expect(markdown).toContain(NOTE[lang]);
    expect(markdown).toContain(content.outline.title);

    const note = await download(page, () => page.locator('button[data-export="pdf"]').click());
    expect(note.file.suggestedFilename()).toMatch(/^balint-journal-\d{4}-\d{2}-\d{2}\.pdf$/);
    writeFileSync(join(shots, 'journal.pdf'), note.bytes);
    const notePdf = readPdf(note.bytes);
    expect(notePdf.problems).toEqual([]);
    // Page footers sit between a page's last line and the next page's first: take them out.
    const noteText = pdfText(notePdf).replace(new RegExp(` ?${collapse(content.outline.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · \\S+ \\d+ \\S+ \\d+ ?`, 'g'), ' ');
    for (const w of written) {
      expect(noteText).toContain(collapse(w.text));
      expect(noteText).toContain(collapse(w.item.prompt));
      expect(noteText).toContain(w.mod.title);
    }
    expect(noteText).toContain(collapse(NOTE[lang]));
    expect(noteText).toContain(certId);
    expect(notePdf.info.Author).toBe(name);

    await page.screenshot({ path: join(shots, 'journal-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(shots, 'journal-360.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Delete: a confirmation step first, with the safe choice focused; cancelling keeps everything.
    await page.locator('.journal-delete-ask').click();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(content.outline.ui['journal.deleteCancel']);
    await page.locator('.journal-delete').screenshot({ path: join(shots, 'journal-confirm-360.png') });
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page.locator('.journal-status').innerText()).resolves.toBe(content.outline.ui['journal.deleteCancelled']);
    expect(await entries.count()).toBe(written.length);
    await page.locator('.journal-delete-ask').click();
    await page.locator('.journal-delete-confirm').click();
    await expect(page.locator('.journal-status').innerText()).resolves.toBe(content.outline.ui['journal.deleted']);
    expect(await entries.count()).toBe(0);
    expect(await page.locator('.journal-empty').isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'journal-deleted-360.png'), fullPage: true });
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // After a reload the journal is still empty, and so is every reflection field.
    await page.reload();
    await page.waitForSelector('h1#page-title');
    await openJournalFromMenu(page);
    expect(await page.locator('.journal-entry').count()).toBe(0);
    expect(await page.locator('.journal-empty').isVisible()).toBe(true);
    for (const w of written) {
      await openPage(page, reflectionPage(w.mod, w.item.id));
      expect(await page.locator(`form.reflection[data-item="${w.item.id}"] textarea`).inputValue()).toBe('');
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('certificate in a SCORM 1.2 LMS', () => {
  it('carries the LMS’s learner name, shown first name first, and downloads from inside the LMS frame', async () => {
    const lang = 'en';
    const content = courseContent(lang);
    const lms = await startLmsServer(lang, 'scorm12');
    try {
      const s = await LmsSession.launch(web.browser, lms, { standard: 'scorm12', data: { 'cmi.core.student_name': 'Rossi, Ada', 'cmi.core.student_id': 'u-4411' } });
      const frame = s.course();
      const assessment = content.modules.find((m) => m.slug === 'assessment')!;
      await takeAssessment(frame, assessment, true);
      const attestPage = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'attestation'))!.id;
      await openPage(frame, attestPage);
      await frame.locator('.attestation button[type=submit]').click();
      await frame.waitForSelector('.attestation .done:not(:empty)');
      const certPage = assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'certificate'))!.id;
      await openPage(frame, certPage);
      // The LMS named the learner: no name field to fill.
      expect(await frame.locator('#learner-name').count()).toBe(0);
      expect(await frame.locator('.certificate .name').innerText()).toBe('Ada Rossi');
      const certId = (await frame.locator('.certificate').getAttribute('data-certificate-id'))!;
      const cert = await download(s.page, () => frame.locator('.certificate-pdf').click());
      expect(cert.file.suggestedFilename()).toBe(`balint-certificate-${certId}.pdf`);
      const pdf = readPdf(cert.bytes);
      expect(pdf.problems).toEqual([]);
      const text = pdfText(pdf);
      expect(text).toContain('Ada Rossi');
      expect(text).toContain(certId);
      expect(text).toContain(`${await frame.locator('.certificate dd').nth(2).innerText()}`);
      expect(s.errors).toEqual([]);
      await s.context.close();
    } finally {
      await lms.close();
    }
  }, 120_000);
});
