// What the Moodle and Forma rigs' drivers (run-scorm.mjs) share: one step module per sitting, the
// driver run under tsx (so the steps may be TypeScript), stopped when its story's time is up, and
// its result.json read back.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT } from '../../../build/harness/paths';
import type { Sitting } from '../steps/learner';

/** Writes one step module per sitting: the driver imports each under tsx. */
export function stepFiles(sittings: Sitting[]): string[] {
  const runner = resolve(ROOT, 'tests', 'lms', 'steps', 'learner.ts');
  const dir = mkdtempSync(join(tmpdir(), 'lms-steps-'));
  return sittings.map((s, n) => {
    const file = join(dir, `sitting-${n + 1}.ts`);
    writeFileSync(file, `import { runSitting } from ${JSON.stringify(runner)};\nexport default (page: any, frame: any, rig: any) => runSitting(page, frame, rig, ${JSON.stringify(s)});\n`);
    return file;
  });
}

/** Runs a rig's driver to its end (or kills it after `timeoutMs`) and returns its result.json. */
export async function runDriver<T>(driver: string, args: string[], out: string, label: string, timeoutMs: number): Promise<T> {
  const stderr: string[] = [];
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), driver, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    // Never leave a driver playing on after its test gave up: it would share the LMS with the next one.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.on('data', (d) => stderr.push(String(d)));
    child.on('error', fail);
    child.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
  let run: T & { driver_error?: string; steps?: { error: string | null }; sittings?: unknown[] };
  try {
    run = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
  } catch {
    throw new Error(`run-scorm.mjs wrote no result for ${label}:\n${stderr.join('').slice(-4000)}`);
  }
  run.sittings ??= [];
  if (run.driver_error) throw new Error(`the driver failed (${label}): ${run.driver_error}\n${stderr.join('').slice(-2000)}`);
  if (run.steps?.error) throw new Error(`a sitting failed (${label}): ${run.steps.error}`);
  return run;
}
