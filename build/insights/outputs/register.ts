// cme-register.csv (one row per learner who passed) and in-progress.csv (who started, not passed).
import type { CourseModel } from '../course-model.js';
import { toCsv } from './csv.js';

export interface RegisterRow { learner: string; name: string | null; completion_date: string; pass_score: number | null; best_score: number | null; attested_minutes: number | null; hours: number | null; certificate_id: string | null; lang: string }
export interface InProgressRow { learner: string; name: string | null; lang: string | null; started: string | null; last_activity: string | null; last_module: string | null; status: string; best_score: number | null }
export interface FreeTextRow { name: string; learner: string; lang: string; day: string; module: string; item: string; response: string }

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Dates are days (YYYY-MM-DD) in `zone`, which each row names: a register reads the same wherever it was made. */
export function registerCsv(rows: RegisterRow[], course: CourseModel, zone: string): string {
  return toCsv(
    ['learner', 'account', 'completion_date', 'time_zone', 'score', 'best_score', 'attested_minutes', 'hours', 'certificate_id', 'language', 'course_version'],
    rows.map((r) => [r.name ?? r.learner, r.learner, r.completion_date, zone, num(r.pass_score), num(r.best_score), num(r.attested_minutes), num(r.hours), r.certificate_id, r.lang, course.version]),
  );
}

export function inProgressCsv(rows: InProgressRow[], zone: string): string {
  return toCsv(
    ['learner', 'account', 'language', 'started', 'last_activity', 'time_zone', 'last_module_reached', 'status', 'best_score'],
    rows.map((r) => [r.name ?? r.learner, r.learner, r.lang, r.started, r.last_activity, zone, r.last_module, r.status, num(r.best_score)]),
  );
}

/** reflections.csv, written only with --include-reflections. */
export function freeTextCsv(rows: FreeTextRow[], zone: string): string {
  return toCsv(['learner', 'account', 'language', 'date', 'time_zone', 'module', 'item', 'text'], rows.map((r) => [r.name, r.learner, r.lang, r.day, zone, r.module, r.item, r.response]));
}
