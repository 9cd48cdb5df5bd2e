// A copy of the learner's state in this browser, written with every commit. When the LMS
// refused the last commit, the copy is newer than what the LMS holds and is used on relaunch;
// the values of commits the LMS did not confirm are sent again then (unconfirmed.ts).
import type { Pair } from '../../scorm/dialect';

export interface Backup {
  learnerId: string | null;
  location: string;
  suspendData: string;
  unsynced: boolean;
  unconfirmed: Pair[][];
}

const isPairs = (g: unknown): g is Pair[] => Array.isArray(g) && g.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');

export function writeBackup(key: string, backup: Backup): void {
  try {
    localStorage.setItem(`${key}:backup`, JSON.stringify(backup));
  } catch {
    // Storage full or blocked: the LMS copy is all we have; nothing more to do here.
  }
}

export function readBackup(key: string): Backup | null {
  try {
    const raw = localStorage.getItem(`${key}:backup`);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Backup>;
    if (typeof v.suspendData !== 'string' || typeof v.location !== 'string') return null;
    const unconfirmed = Array.isArray(v.unconfirmed) ? v.unconfirmed.filter(isPairs) : [];
    return { learnerId: typeof v.learnerId === 'string' ? v.learnerId : null, location: v.location, suspendData: v.suspendData, unsynced: v.unsynced === true, unconfirmed };
  } catch {
    return null;
  }
}
