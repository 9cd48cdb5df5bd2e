// The reflection journal as an appraisal reflective note (A4 portrait): the course facts, then
// what happened (each reflection with its module and prompt), what I learned and what I will do
// differently. A section the learner left empty gets ruled lines to complete by hand, so the
// printed note is still a usable form.
import { A4, PdfDocument } from './document';

export interface ReflectiveNoteEntry {
  moduleTitle: string;
  prompt: string;
  text: string;
  /** When it was written, already formatted. */
  date: string;
}

export interface ReflectiveNoteDocument {
  labels: {
    title: string;
    happened: string;
    happenedIntro: string;
    learned: string;
    differently: string;
    blank: string;
    module: string;
    written: string;
    reminder: string;
    /** "Page {page} of {total}" (a position, not a count: no plural forms) */
    page: string;
  };
  courseTitle: string;
  /** Label and value pairs shown under the title: course version, provider, date, name, certificate… */
  facts: [string, string][];
  learner: string;
  entries: ReflectiveNoteEntry[];
  learned: string;
  differently: string;
  accent?: string;
  issued: Date;
}

const INK = '#1f2933';
const MUTED = '#52606d';

export function reflectiveNotePdf(n: ReflectiveNoteDocument): Uint8Array {
  const doc = new PdfDocument(A4[0], A4[1], 56);
  const accent = n.accent ?? '#1d5c7a';
  const heading = (text: string, keepWith = 60) => {
    doc.gap(14);
    doc.keep(keepWith); // a heading never sits alone at the foot of a page
    doc.paragraph(text, { font: 'bold', size: 14, colour: accent });
    doc.line(doc.margin, doc.y + 5, doc.width - doc.margin, doc.y + 5, 0.75, accent);
    doc.gap(8);
  };
  const BLANK = 50 + 20 + 6 * 22; // heading, label and ruled lines, kept on one page
  const ownWords = (title: string, text: string) => {
    heading(title, text.trim() ? 60 : BLANK);
    if (text.trim()) doc.paragraph(text.trim(), { size: 11, colour: INK });
    else {
      doc.paragraph(n.labels.blank, { size: 9.5, colour: MUTED });
      doc.writingLines(6);
    }
  };

  doc.paragraph(n.labels.title, { font: 'bold', size: 20, colour: INK });
  doc.paragraph(n.courseTitle, { font: 'bold', size: 13, colour: accent });
  doc.gap(6);
  for (const [label, value] of n.facts) doc.paragraph(`${label}: ${value}`, { size: 10.5, colour: INK, leading: 1.45 });

  heading(n.labels.happened);
  doc.paragraph(n.labels.happenedIntro, { size: 9.5, colour: MUTED });
  for (const e of n.entries) {
    doc.gap(10);
    doc.keep(70);
    doc.paragraph(`${n.labels.module}: ${e.moduleTitle}`, { font: 'bold', size: 11, colour: INK });
    doc.paragraph(e.prompt, { size: 10, colour: MUTED });
    doc.paragraph(`${n.labels.written}: ${e.date}`, { size: 9, colour: MUTED });
    doc.gap(3);
    doc.paragraph(e.text.trim(), { size: 11, colour: INK, indent: 10 });
  }

  ownWords(n.labels.learned, n.learned);
  ownWords(n.labels.differently, n.differently);
  doc.gap(16);
  doc.paragraph(n.labels.reminder, { size: 9, colour: MUTED });

  return doc.toBytes(
    { title: `${n.labels.title}: ${n.courseTitle}`, author: n.learner || undefined, creationDate: n.issued },
    (page, count) => `${n.courseTitle} · ${n.labels.page.replace('{page}', String(page)).replace('{total}', String(count))}`,
  );
}
