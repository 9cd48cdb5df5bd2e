// Plays a built zip in the real Moodle 4.3 (the rig's run-scorm.mjs) as a student, one Moodle
// session per sitting, and returns what Moodle recorded: every API call and its error, the stored
// tracking values per attempt, the gradebook grade, activity completion and Moodle's events.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT } from '../../../build/harness/paths';
import { rigPath } from './rigs';
import { runDriver, stepFiles } from './driver';
import type { Sitting, SittingSeen } from '../steps/learner';

export interface ApiCall { api: string; fn: string; args: string[]; ret: string | null; err: string | null; errStr: string | null; session: number; t: number; from_storage?: boolean }

export interface MoodleRun {
  ok: boolean;
  driver_error?: string;
  steps: { error: string | null };
  api_calls: ApiCall[];
  api_errors: ApiCall[];
  tracking: { attempts: Record<string, Record<string, Record<string, string>>>; rows: { attempt: number; element: string; value: string }[]; moodle_summary: unknown } | null;
  grade: { grade: number | string | null; grademax?: number; [k: string]: unknown } | null;
  completion: { state: number | string; state_name?: string; [k: string]: unknown } | null;
  events: { event: string; other?: string; time?: number }[];
  js_errors: { message: string; from_sco?: boolean }[];
  php_errors: string[];
  datamodel_server_log: { path: string; status: number }[];
  sittings: SittingSeen[];
  out_dir: string;
}

export interface MoodleOptions {
  /** Activity settings (mod_scorm fields), e.g. { maxattempt: 0 }. */
  scorm?: Record<string, unknown>;
  /** Completion settings, e.g. { completionstatusrequired: 2 } for "passed" only. */
  completion?: Record<string, unknown>;
  /** Moodle's SCORM standards mode (1.2 suspend_data capped at 4096); off unless a story turns it on. */
  standardsMode?: 0 | 1;
  label: string;
  /** The driver is stopped after this long (default 1,100 s, under the test's own timeout). */
  timeoutMs?: number;
}

export async function playInMoodle(zip: string, sittings: Sitting[], options: MoodleOptions): Promise<MoodleRun> {
  const driver = rigPath('moodle', 'run-scorm.mjs');
  const out = join(OUTPUT, 'lms', 'moodle', options.label);
  mkdirSync(out, { recursive: true });
  const args = [zip, '--step', stepFiles(sittings).join(','), '--out', out, '--timeout', '180', '--name', options.label];
  if (options.scorm) args.push('--scorm', JSON.stringify(options.scorm));
  if (options.completion) args.push('--completion', JSON.stringify(options.completion));
  // A site setting that outlives the run: every story states the one it needs (Moodle's default is off).
  args.push('--scorm-standard', String(options.standardsMode ?? 0));
  return runDriver<MoodleRun>(driver, args, out, options.label, options.timeoutMs ?? 1_100_000);
}

/** The values Moodle stored for one SCO in one attempt (1-based). */
export function stored(run: MoodleRun, sco: string, attempt = 1): Record<string, string> {
  return run.tracking?.attempts?.[String(attempt)]?.[sco] ?? {};
}

export function completionDone(run: MoodleRun): boolean {
  const c = run.completion as { state?: number } | null;
  return c?.state === 1 || c?.state === 2;
}
