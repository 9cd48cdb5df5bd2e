// The reflection journal: the learner's reflective answers, kept in this browser only (never in
// suspend_data, never sent unless the deploying trust opts in).
import { journalKey, journalNotesKey } from './storage-keys';

export interface JournalEntry {
  itemId: string;
  moduleSlug: string;
  prompt: string;
  text: string;
  savedAt: string;
}


export function readJournal(courseId: string): Record<string, JournalEntry> {
  try {
    const raw = localStorage.getItem(journalKey(courseId));
    const value = raw ? (JSON.parse(raw) as unknown) : {};
    return value && typeof value === 'object' ? (value as Record<string, JournalEntry>) : {};
  } catch {
    return {};
  }
}

/** Returns false when the browser will not store it (private mode, storage full). */
export function saveJournalEntry(courseId: string, entry: JournalEntry): boolean {
  try {
    const all = readJournal(courseId);
    all[entry.itemId] = entry;
    localStorage.setItem(journalKey(courseId), JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}

/** The learner's own summary for an appraisal note, written on the journal page. */
export interface JournalNotes {
  learned: string;
  differently: string;
}


export function readJournalNotes(courseId: string): JournalNotes {
  try {
    const value = JSON.parse(localStorage.getItem(journalNotesKey(courseId)) ?? '{}') as Partial<JournalNotes>;
    return { learned: typeof value.learned === 'string' ? value.learned : '', differently: typeof value.differently === 'string' ? value.differently : '' };
  } catch {
    return { learned: '', differently: '' };
  }
}

export function saveJournalNotes(courseId: string, notes: JournalNotes): boolean {
  try {
    localStorage.setItem(journalNotesKey(courseId), JSON.stringify(notes));
    return true;
  } catch {
    return false;
  }
}

/** Removes every reflection and the summary from this browser. */
export function deleteJournal(courseId: string): void {
  for (const k of [journalKey(courseId), journalNotesKey(courseId)]) {
    try {
      localStorage.removeItem(k);
    } catch {
      // nothing stored, nothing to delete
    }
  }
}
