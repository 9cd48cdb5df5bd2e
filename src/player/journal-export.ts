// The journal as the learner exports it: entries in course order with their module, and the
// Markdown text of the reflective note (the PDF gets the same facts through reflectiveNoteFacts).
import type { Translate } from '../content/ui-format';
import type { CourseOutline } from '../content/types';
import type { JournalEntry, JournalNotes } from '../learner/journal';

export interface JournalLine extends JournalEntry {
  moduleTitle: string;
}

/** Entries in the order the course asks them: module order, then the item's place in its quiz. */
export function orderedEntries(outline: CourseOutline, journal: Record<string, JournalEntry>): JournalLine[] {
  const place = new Map<string, number>();
  const titles = new Map<string, string>();
  outline.modules.forEach((m, mi) => {
    titles.set(m.slug, m.title);
    m.items.forEach((item, ii) => place.set(item.id, mi * 1000 + ii));
  });
  return Object.values(journal)
    .filter((e) => e && typeof e.text === 'string' && e.text.trim() !== '')
    .map((e) => ({ ...e, moduleTitle: titles.get(e.moduleSlug) ?? e.moduleSlug }))
    .sort((a, b) => (place.get(a.itemId) ?? 1e9) - (place.get(b.itemId) ?? 1e9));
}

export function formatDate(date: Date | string, lang: string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Course facts heading the note: label and value pairs. */
export function reflectiveNoteFacts(
  outline: CourseOutline, t: Translate, today: Date, learner: string, certificate: { id: string; hours: number | null } | null,
): [string, string][] {
  // The course title heads the note already; these are the facts an appraiser looks for.
  const facts: [string, string][] = [
    [t('certificate.version'), outline.version],
    [t('journal.provider'), outline.cme.provider],
    [t('certificate.date'), formatDate(today, outline.lang)],
  ];
  if (learner) facts.push([t('journal.name'), learner]);
  if (certificate) {
    if (certificate.hours !== null) facts.push([t('certificate.credit'), `${t('certificate.hours', { hours: certificate.hours })} (${outline.cme.creditType})`]);
    facts.push([t('certificate.id'), certificate.id]);
  }
  return facts;
}

/** The learner's own line breaks survive when the Markdown is rendered: each single break becomes a
 *  Markdown hard break (two spaces), paragraphs stay paragraphs. */
export const keepLineBreaks = (text: string): string =>
  text.trim().split(/\n\s*\n/).map((para) => para.split('\n').map((l) => l.trimEnd()).join('  \n')).join('\n\n');

/** The reflective note as Markdown, for a portfolio that takes plain text. */
export function journalMarkdown(o: {
  t: Translate; lang: string; courseTitle: string; facts: [string, string][]; entries: JournalLine[]; notes: JournalNotes;
}): string {
  const { t } = o;
  const own = (text: string) => (text.trim() ? keepLineBreaks(text) : `_${t('journal.notWritten')}_`);
  const out: string[] = [`# ${t('journal.noteTitle')}: ${o.courseTitle}`, ''];
  for (const [label, value] of o.facts) out.push(`- **${label}:** ${value}`);
  out.push('', `## ${t('journal.happened')}`, '', t('journal.happenedIntro'));
  for (const e of o.entries) {
    out.push('', `### ${t('journal.module')}: ${e.moduleTitle}`, '', `**${e.prompt}**`, '', `_${t('journal.written')}: ${formatDate(e.savedAt, o.lang)}_`, '', keepLineBreaks(e.text));
  }
  out.push('', `## ${t('journal.learned')}`, '', own(o.notes.learned), '', `## ${t('journal.differently')}`, '', own(o.notes.differently));
  out.push('', '---', '', t('journal.reminder'), '');
  return out.join('\n');
}
