// The two documents the learner downloads, built from data: the certificate (one page, every
// fact) and the reflective note (every reflection, blank ruled space where the learner wrote
// nothing), plus the journal's order and its Markdown export.
import { describe, expect, it } from 'vitest';
import { certificatePdf } from '../../../src/pdf/certificate-pdf';
import { widthOf } from '../../../src/pdf/measure';
import { reflectiveNotePdf, type ReflectiveNoteDocument } from '../../../src/pdf/reflective-note-pdf';
import { journalMarkdown, keepLineBreaks, orderedEntries, reflectiveNoteFacts } from '../../../src/player/journal-export';
import type { JournalEntry } from '../../../src/learner/journal';
import { translator } from '../../../src/content/ui-format';
import { courseContent } from '../../../build/harness/course-content';
import { pdfText, readPdf } from '../../support/pdf-reader';

const issued = new Date(Date.UTC(2026, 10, 23, 10, 0, 0));
const t = translator(courseContent('it').outline.ui, 'it');

describe('the certificate PDF', () => {
  it('is one valid page with the name, course, every fact, the statement and the provider', () => {
    const facts: [string, string][] = [['Versione del corso', '1.0.0'], ['Data', '23 novembre 2026'], ['Punteggio', '95%'], ['Ore di formazione autocertificate', '2 ore (non sono crediti ECM)'], ["Codice dell'attestato", 'BAL-AAAA-BBBB-CCCC']];
    const pdf = readPdf(certificatePdf({
      heading: 'Attestato di partecipazione', courseTitle: 'Il metodo Balint: prendersi cura di chi cura', learner: 'Dott.ssa Àda Rossì',
      facts, statement: 'Il corso è progettato per un massimo di 2 ore.', provider: 'Il progetto open source Balint Course', issued,
    }));
    expect(pdf.problems).toEqual([]);
    expect(pdf.pages.length).toBe(1);
    const text = pdfText(pdf);
    for (const s of ['ATTESTATO DI PARTECIPAZIONE', 'Il metodo Balint: prendersi cura di chi cura', 'Dott.ssa Àda Rossì', 'Il corso è progettato per un massimo di 2 ore.', 'Il progetto open source Balint Course']) expect(text).toContain(s);
    for (const [label, value] of facts) expect(text).toContain(`${label} ${value}`);
    expect(pdf.info).toMatchObject({ Author: 'Dott.ssa Àda Rossì', CreationDate: 'D:20261123100000Z' });
    // Landscape A4.
    expect([...pdf.objects.values()].some((o) => o.includes('/MediaBox [0 0 842 595]'))).toBe(true);
  });

  it('keeps a very long fact inside the page by setting it smaller', () => {
    const long = `2 hours (${'Continuing professional development, self-certified, '.repeat(3)})`;
    const pdf = readPdf(certificatePdf({ heading: 'Certificate', courseTitle: 'C', learner: 'A', facts: [['Credit', long]], statement: '', provider: '', issued }));
    const stream = [...pdf.objects.values()].find((o) => o.includes('Tj'))!;
    const row = [...stream.matchAll(/\/F1 ([\d.]+) Tf 1 0 0 1 ([\d.]+) [\d.]+ Tm \(((?:\\.|[^\\)])*)\) Tj/g)].find((m) => m[3].startsWith('2 hours'))!;
    const right = Number(row[2]) + widthOf(long, 'regular', Number(row[1]));
    expect(Number(row[1])).toBeLessThan(12.5);
    expect(right).toBeLessThanOrEqual(842 - 70 + 0.5);
    expect(pdfText(pdf)).toContain(long.trim());
  });
});

const labels: ReflectiveNoteDocument['labels'] = {
  title: 'Reflective note', happened: 'What happened / what I noticed', happenedIntro: 'My reflections.', learned: 'What I learned',
  differently: 'What I will do differently', blank: 'Left blank, to complete by hand:', module: 'Module', written: 'Written',
  reminder: 'Check nothing identifies a patient.', page: 'Page {page} of {total}',
};

describe('the reflective note PDF', () => {
  const entries = Array.from({ length: 12 }, (_, i) => ({
    moduleTitle: `Module ${i + 1}`, prompt: `Prompt number ${i + 1}: what did you notice?`,
    text: `Reflection ${i + 1}. ${'I noticed the patient’s silence – and my own wish to fill it. '.repeat(5)}`, date: '23 November 2026',
  }));

  it('holds every reflection with its module and prompt, over as many pages as it needs, numbered', () => {
    const pdf = readPdf(reflectiveNotePdf({ labels, courseTitle: 'The Balint Group Method', facts: [['Date', '23 November 2026']], learner: 'Dr Ada Rossi', entries, learned: 'To wait.', differently: 'Ask, then listen.', issued }));
    expect(pdf.problems).toEqual([]);
    expect(pdf.pages.length).toBeGreaterThan(1);
    const text = pdfText(pdf).replace(/ ?The Balint Group Method · Page \d+ of \d+ ?/g, ' ');
    for (const e of entries) {
      expect(text).toContain(`Module: ${e.moduleTitle} ${e.prompt} Written: ${e.date} ${e.text.trim()}`);
    }
    expect(text).toContain('What I learned To wait.');
    expect(text).toContain('What I will do differently Ask, then listen.');
    expect(text).not.toContain(labels.blank);
    expect(pdf.pages.at(-1)).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
  });

  it('leaves labelled, ruled space for the sections the learner did not write', () => {
    const pdf = readPdf(reflectiveNotePdf({ labels, courseTitle: 'C', facts: [], learner: '', entries: entries.slice(0, 1), learned: '', differently: ' ', issued }));
    const text = pdfText(pdf);
    expect(text.split(labels.blank).length - 1).toBe(2);
    const ruled = [...pdf.objects.values()].join('\n').match(/ m [\d.]+ [\d.]+ l S/g) ?? [];
    expect(ruled.length).toBeGreaterThanOrEqual(12 + 3); // six lines each, plus the heading rules
    expect(pdf.info.Author).toBeUndefined();
  });
});

describe('the journal export', () => {
  const outline = courseContent('en').outline;
  const withReflections = outline.modules.filter((m) => m.items.some((i) => i.type === 'reflection'));
  const entry = (moduleIndex: number, n: number, text: string): JournalEntry => {
    const m = withReflections[moduleIndex];
    const item = m.items.filter((i) => i.type === 'reflection')[n];
    return { itemId: item.id, moduleSlug: m.slug, prompt: `prompt of ${item.id}`, text, savedAt: '2026-11-20T10:00:00Z' };
  };

  it('lists reflections in course order with their module titles, leaving out empty ones', () => {
    const later = entry(2, 0, 'third module');
    const first = entry(0, 0, 'first module');
    const second = entry(1, 0, 'second module');
    const empty = entry(1, 1, '   ');
    const lines = orderedEntries(outline, { [later.itemId]: later, [empty.itemId]: empty, [first.itemId]: first, [second.itemId]: second });
    expect(lines.map((l) => l.text)).toEqual(['first module', 'second module', 'third module']);
    expect(lines.map((l) => l.moduleTitle)).toEqual(withReflections.slice(0, 3).map((m) => m.title));
  });

  it('writes Markdown with the facts, every reflection, and the learner’s own sections or a placeholder', () => {
    const lines = orderedEntries(outline, { a: entry(0, 0, 'Line one.\nLine two – “quoted”.') });
    const facts = reflectiveNoteFacts(outline, translator(outline.ui, 'en'), issued, 'Dr Ada Rossi', { id: 'BAL-1', hours: 1.5 });
    const md = journalMarkdown({ t: translator(outline.ui, 'en'), lang: 'en', courseTitle: outline.title, facts, entries: lines, notes: { learned: 'To wait.', differently: '' } });
    expect(md.startsWith(`# ${outline.ui['journal.noteTitle']}: ${outline.title}\n`)).toBe(true);
    expect(md).toContain('- **Name:** Dr Ada Rossi');
    expect(md).toContain('- **Certificate ID:** BAL-1');
    expect(md).toContain('1.5 hours');
    expect(md).toContain(`### Module: ${withReflections[0].title}`);
    expect(md).toContain('Line one.  \nLine two – “quoted”.');
    expect(md).toContain('## What I learned\n\nTo wait.');
    expect(md).toContain(`## What I will do differently\n\n_${outline.ui['journal.notWritten']}_`);
    expect(md).toContain('Written: 20 November 2026');
  });

  it('states one credit hour in the singular and fractions the local way', () => {
    const italian = courseContent('it').outline;
    const credit = (hours: number) => reflectiveNoteFacts(italian, t, issued, '', { id: 'BAL-1', hours }).find(([label]) => label === t('certificate.credit'))?.[1];
    expect(credit(1)).toMatch(/^1 ora \(/);
    expect(credit(1.5)).toMatch(/^1,5 ore \(/);
  });

  it('has every string it uses in both languages', () => {
    for (const lang of ['en', 'it'] as const) {
      const ui = courseContent(lang).outline.ui;
      for (const key of Object.keys(labels).map((k) => `journal.${k === 'title' ? 'noteTitle' : k}`)) expect(ui[key], `${lang} ${key}`).toBeTruthy();
    }
    expect(t('journal.page')).toBe('Pagina {page} di {total}');
  });
});

describe('reflections in Markdown', () => {
  it('keeps the learner\'s line breaks as hard breaks and paragraphs as paragraphs', () => {
    expect(keepLineBreaks(' First line\nsecond line \n\nNew paragraph\n')).toBe('First line  \nsecond line\n\nNew paragraph');
  });
});
