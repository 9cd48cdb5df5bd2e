// The resume state kept in the LRS State API (and mirrored in localStorage): bookmark, encoded
// progress, and which once-only statements this registration already sent. The newer copy wins,
// so a launch while the LRS was unreachable loses nothing.
import type { RecordedSoFar } from './session-recorder';

export interface ResumeDocument {
  location: string;
  suspendData: string;
  soFar: RecordedSoFar;
  savedAt: string;
}

export const RESUME_STATE_ID = 'https://balint-course.org/xapi/state/resume';

export function parseResume(value: unknown): ResumeDocument | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<ResumeDocument>;
  if (typeof v.location !== 'string' || typeof v.suspendData !== 'string' || typeof v.savedAt !== 'string') return null;
  const soFar = { completed: v.soFar?.completed === true, passed: v.soFar?.passed === true };
  return { location: v.location, suspendData: v.suspendData, soFar, savedAt: v.savedAt };
}

export function newer(a: ResumeDocument | null, b: ResumeDocument | null): ResumeDocument | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b.savedAt) > Date.parse(a.savedAt) ? b : a;
}

export function readLocalResume(key: string): ResumeDocument | null {
  try {
    return parseResume(JSON.parse(localStorage.getItem(key) ?? 'null'));
  } catch {
    return null;
  }
}

export function writeLocalResume(key: string, doc: ResumeDocument): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(doc));
    return true;
  } catch {
    return false;
  }
}
