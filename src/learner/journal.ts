// The reflection journal: the learner's reflective answers, kept in this browser only (never in
// suspend_data, never sent unless the deploying trust opts in).

export interface JournalEntry {
  itemId: string;
  moduleSlug: string;
  prompt: string;
  text: string;
  savedAt: string;
}

const key = (courseId: string) => `balint:${courseId}:journal`;

export function readJournal(courseId: string): Record<string, JournalEntry> {
  try {
    const raw = localStorage.getItem(key(courseId));
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
    localStorage.setItem(key(courseId), JSON.stringify(all));
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

const notesKey = (courseId: string) => `balint:${courseId}:journal-notes`;

export function readJournalNotes(courseId: string): JournalNotes {
  try {
    const value = JSON.parse(localStorage.getItem(notesKey(courseId)) ?? '{}') as Partial<JournalNotes>;
    return { learned: typeof value.learned === 'string' ? value.learned : '', differently: typeof value.differently === 'string' ? value.differently : '' };
  } catch {
    return { learned: '', differently: '' };
  }
}

export function saveJournalNotes(courseId: string, notes: JournalNotes): boolean {
  try {
    localStorage.setItem(notesKey(courseId), JSON.stringify(notes));
    return true;
  } catch {
    return false;
  }
}

/** Removes every reflection and the summary from this browser. */
export function deleteJournal(courseId: string): void {
  for (const k of [key(courseId), notesKey(courseId)]) {
    try {
      localStorage.removeItem(k);
    } catch {
      // nothing stored, nothing to delete
    }
  }
}
