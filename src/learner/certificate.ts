// The certificate's facts, derived from the attempt: pure, so the same attempt always shows the
// same id, and a coordinator can tell two certificates apart.
import { fnv1a } from './hash';

export function certificateId(parts: { courseId: string; version: string; learner: string; attempt: number; seed: number; completedOn: number }): string {
  const key = `${parts.courseId}|${parts.version}|${parts.learner}|${parts.attempt}|${parts.seed}|${parts.completedOn}`;
  const a = fnv1a(key).toString(36).toUpperCase().padStart(7, '0');
  const b = fnv1a(key.split('').reverse().join('')).toString(36).toUpperCase().padStart(7, '0');
  return `BAL-${a.slice(0, 4)}-${a.slice(4)}${b.slice(0, 1)}-${b.slice(1, 5)}`;
}

/** Days since 1970-01-01 (UTC) — compact enough for suspend_data. */
export const dayNumber = (d: Date): number => Math.floor(d.getTime() / 86_400_000);
export const dateOfDay = (day: number): Date => new Date(day * 86_400_000);

/** The name as a certificate prints it. SCORM LMSs send "Last, First" (SCORM 1.2 student_name,
 *  and most 2004 LMSs follow suit); a certificate reads "First Last". Anything else is kept. */
export function displayName(name: string): string {
  const parts = name.split(',').map((p) => p.trim());
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name.trim();
}
