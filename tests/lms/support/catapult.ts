// Runs one learner's story in ADL's CATAPULT cmi5 player through the rig's driver
// ($LMS_RIGS/cmi5/drive.mjs: import the zip, register, launch, drive, read back) and returns what
// CATAPULT and its LRS recorded, plus every LRS request the AU made (catapult-step.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { OUTPUT, ROOT } from '../../support/paths';

export type Story = 'pass' | 'fail' | 'browse';

/** One request the AU made to CATAPULT's LRS proxy: null status when no answer came back. */
export interface AuRequest { method: string; resource: string; status: number | null; stateId?: string; verbs?: string[]; failure?: string }

export interface CatapultStatement { id: string; verb: string; object: string; result?: { success?: boolean; completion?: boolean; duration?: string; score?: { scaled?: number; raw?: number } }; categories: string[]; sessionid?: string }

export interface CatapultRun {
  summary: string;
  cmi5Checks: { rule: string; ok: boolean; detail?: string }[];
  statements: CatapultStatement[];
  /** CATAPULT's session row: isTerminated, isCompleted, isPassed, isFailed, isAbandoned, launchMode… */
  catapultSession: Record<string, unknown>;
  catapultRegistration: { status: number; moveOn: { satisfied?: boolean; children?: { lmsId: string; satisfied: boolean }[] } };
  catapultViolations: unknown[];
  au: { proxyCalls: AuRequest[]; pageErrors: string[]; console: string[]; stepError: string | null };
  launch: { sessionId: number; params: Record<string, string> };
  registration: { id: number; code: string; actor: unknown };
  /** Every LRS request the AU made, in order, as this test's step saw them. */
  requests: AuRequest[];
  /** The driver's whole output file, for the failure message. */
  file: string;
}

export const RIGS = process.env.LMS_RIGS ?? '/opt/lms-rigs';
export const DRIVER = join(RIGS, 'cmi5', 'drive.mjs');
export const catapultAvailable = () => existsSync(DRIVER);

export interface StoryOptions { zip: string; story: Story; lang: 'en' | 'it'; launchMode?: 'Normal' | 'Browse' | 'Review'; masteryScore?: number; moveOn?: string }

export async function runCatapult(o: StoryOptions): Promise<CatapultRun> {
  const dir = resolve(OUTPUT, 'catapult');
  mkdirSync(dir, { recursive: true });
  const name = `${o.story}-${o.lang}-${o.launchMode ?? 'Normal'}-${randomUUID().slice(0, 8)}`;
  const out = join(dir, `${name}.json`);
  const requests = join(dir, `${name}-requests.json`);
  const args = ['--import', 'tsx', DRIVER, '--zip', o.zip, '--step', join(ROOT, 'tests/lms/support/catapult-step.ts'), '--story', o.story, '--lang', o.lang, '--out', out, '--requests', requests,
    '--screenshot', join(dir, `${name}.png`)];
  if (o.launchMode) args.push('--launchMode', o.launchMode);
  if (o.masteryScore !== undefined) args.push('--masteryScore', String(o.masteryScore));
  if (o.moveOn) args.push('--moveOn', o.moveOn);
  // The driver exits 1 when a rule check fails: that is a finding to assert on, not a crash.
  const crash = await new Promise<string | null>((done) =>
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 }, (err, _stdout, stderr) => done(existsSync(out) ? null : `${err?.message ?? 'no result'}\n${stderr}`)),
  );
  if (crash) throw new Error(`CATAPULT driver failed: ${crash}`);
  const run = JSON.parse(readFileSync(out, 'utf8')) as Omit<CatapultRun, 'requests' | 'file'>;
  return { ...run, requests: existsSync(requests) ? (JSON.parse(readFileSync(requests, 'utf8')) as AuRequest[]) : [], file: out };
}

export const verbName = (s: { verb: string }) => s.verb.split('/').pop()!;
