// cme-register.csv (one row per learner who passed) and in-progress.csv (who started, not passed).
import type { CourseModel } from '../course-model.js';
import { toCsv } from './csv.js';

export interface RegisterRow { learner: string; name: string | null; passed_at: string; pass_score: number | null; attested_minutes: number | null; hours: number | null; certificate_id: string | null; lang: string }
export interface InProgressRow { learner: string; name: string | null; lang: string | null; started: string | null; last_seen: string | null; last_module: string | null; status: string; best_score: number | null }

const day = (ts: string | null) => (ts ? ts.slice(0, 10) : null);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function registerCsv(rows: RegisterRow[], course: CourseModel): string {
  return toCsv(
    ['learner', 'account', 'completion_date', 'score', 'attested_minutes', 'hours', 'certificate_id', 'language', 'course_version'],
    rows.map((r) => [r.name ?? r.learner, r.learner, day(r.passed_at), num(r.pass_score), num(r.attested_minutes), num(r.hours), r.certificate_id, r.lang, course.version]),
  );
}

export function inProgressCsv(rows: InProgressRow[]): string {
  return toCsv(
    ['learner', 'account', 'language', 'started', 'last_activity', 'last_module_reached', 'status', 'best_score'],
    rows.map((r) => [r.name ?? r.learner, r.learner, r.lang, day(r.started), day(r.last_seen), r.last_module, r.status, num(r.best_score)]),
  );
}

/** reflections.csv, written only with --include-reflections. */
export function freeTextCsv(rows: { name: string; learner: string; lang: string; ts: string; module: string; item: string; response: string }[]): string {
  return toCsv(['learner', 'account', 'language', 'date', 'module', 'item', 'text'], rows.map((r) => [r.name, r.learner, r.lang, day(r.ts), r.module, r.item, r.response]));
}
