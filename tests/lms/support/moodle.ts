// Plays a built zip in the real Moodle 4.3 (the rig's run-scorm.mjs) as a student, one Moodle
// session per sitting, and returns what Moodle recorded: every API call and its error, the stored
// tracking values per attempt, the gradebook grade, activity completion and Moodle's events.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, OUTPUT } from '../../../build/harness/paths';
import { rigPath } from './rigs';
import type { Sitting, SittingSeen } from '../steps/learner';

export interface ApiCall { api: string; fn: string; args: string[]; ret: string | null; err: string | null; errStr: string | null; session: number; from_storage?: boolean }

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

/** Writes one step module per sitting: run-scorm.mjs imports each under tsx. */
function stepFiles(dir: string, sittings: Sitting[]): string[] {
  const runner = resolve(ROOT, 'tests', 'lms', 'steps', 'learner.ts');
  return sittings.map((s, n) => {
    const file = join(dir, `sitting-${n + 1}.ts`);
    writeFileSync(file, `import { runSitting } from ${JSON.stringify(runner)};\nexport default (page: any, frame: any, rig: any) => runSitting(page, frame, rig, ${JSON.stringify(s)});\n`);
    return file;
  });
}

export async function playInMoodle(zip: string, sittings: Sitting[], options: MoodleOptions): Promise<MoodleRun> {
  const driver = rigPath('moodle', 'run-scorm.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'moodle-steps-'));
  const out = join(OUTPUT, 'lms', 'moodle', options.label);
  mkdirSync(out, { recursive: true });
  const args = [resolve(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), driver, zip, '--step', stepFiles(dir, sittings).join(','), '--out', out, '--timeout', '180', '--name', options.label];
  if (options.scorm) args.push('--scorm', JSON.stringify(options.scorm));
  if (options.completion) args.push('--completion', JSON.stringify(options.completion));
  // A site setting that outlives the run: every story states the one it needs (Moodle's default is off).
  args.push('--scorm-standard', String(options.standardsMode ?? 0));
  const stderr: string[] = [];
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    // Never leave a driver playing on after its test gave up: it would share Moodle with the next one.
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 1_100_000);
    child.stderr.on('data', (d) => stderr.push(String(d)));
    child.on('error', fail);
    child.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
  let run: MoodleRun;
  try {
    run = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as MoodleRun;
  } catch {
    throw new Error(`run-scorm.mjs wrote no result for ${options.label}:\n${stderr.join('').slice(-4000)}`);
  }
  run.sittings ??= [];
  if (run.driver_error) throw new Error(`Moodle driver failed (${options.label}): ${run.driver_error}\n${stderr.join('').slice(-2000)}`);
  if (run.steps?.error) throw new Error(`a sitting failed (${options.label}): ${run.steps.error}`);
  return run;
}

/** The values Moodle stored for one SCO in one attempt (1-based). */
export function stored(run: MoodleRun, sco: string, attempt = 1): Record<string, string> {
  return run.tracking?.attempts?.[String(attempt)]?.[sco] ?? {};
}

export function completionDone(run: MoodleRun): boolean {
  const c = run.completion as { state?: number } | null;
  return c?.state === 1 || c?.state === 2;
}
