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

export function deleteJournal(courseId: string): void {
  try {
    localStorage.removeItem(key(courseId));
  } catch {
    // nothing stored, nothing to delete
  }
}
