// Runs one learner's story in ADL's CATAPULT cmi5 player through the rig's driver
// ($LMS_RIGS/cmi5/drive.mjs: import the zip, register, launch, drive, read back) and returns what
// CATAPULT and its LRS recorded, plus every LRS request the AU made (catapult-step.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { OUTPUT, ROOT } from '../../../build/harness/paths';

export type Story = 'pass' | 'fail' | 'browse';

/** One request the AU made to CATAPULT's LRS proxy: null status when no answer came back. */
export interface AuRequest { method: string; resource: string; status: number | null; stateId?: string; verbs?: string[]; failure?: string }

export interface CatapultStatement { id: string; verb: string; object: string; result?: { success?: boolean; completion?: boolean; duration?: string; score?: { scaled?: number; raw?: number } }; categories: string[]; sessionid?: string; timestamp: string }

export interface CatapultRun {
  summary: string;
  cmi5Checks: { rule: string; ok: boolean; detail?: string }[];
  /** What the LRS stored for the registration, oldest first, each once. */
  statements: CatapultStatement[];
  /** CATAPULT's session row: isTerminated, isCompleted, isPassed, isFailed, isAbandoned, launchMode… */
  catapultSession: Record<string, unknown>;
  catapultRegistration: { status: number; moveOn: { satisfied?: boolean; children?: { lmsId: string; satisfied: boolean }[] } };
  catapultViolations: unknown[];
  au: { proxyCalls: AuRequest[]; pageErrors: string[]; console: string[]; stepError: string | null };
  launch: { sessionId: number; params: Record<string, string> };
  registration: { id: number; code: string; actor: unknown };
  /** The driver read some statements twice from the LRS (see storedStatements). */
  driverSawDuplicates: boolean;
  /** Every LRS request the AU made, in order, as this test's step saw them. */
  requests: AuRequest[];
  /** The driver's whole output file, for the failure message. */
  file: string;
}

export const RIGS = process.env.LMS_RIGS ?? '/opt/lms-rigs';
export const DRIVER = join(RIGS, 'cmi5', 'drive.mjs');
export const catapultAvailable = () => existsSync(DRIVER);

export interface StoryOptions {
  zip: string; story: Story; lang: 'en' | 'it'; launchMode?: 'Normal' | 'Browse' | 'Review'; masteryScore?: number; moveOn?: string;
  /** How the learner leaves: the course's Exit button (default), or closing the page (pagehide only). */
  leave?: 'exit' | 'close';
}

export async function runCatapult(o: StoryOptions): Promise<CatapultRun> {
  const dir = resolve(OUTPUT, 'catapult');
  mkdirSync(dir, { recursive: true });
  const name = `${o.story}-${o.lang}-${o.launchMode ?? 'Normal'}-${o.leave ?? 'exit'}-${randomUUID().slice(0, 8)}`;
  const out = join(dir, `${name}.json`);
  const requests = join(dir, `${name}-requests.json`);
  const args = ['--import', 'tsx', DRIVER, '--zip', o.zip, '--step', join(ROOT, 'tests/lms/support/catapult-step.ts'), '--story', o.story, '--lang', o.lang, '--out', out, '--requests', requests,
    '--screenshot', join(dir, `${name}.png`)];
  if (o.launchMode) args.push('--launchMode', o.launchMode);
  if (o.masteryScore !== undefined) args.push('--masteryScore', String(o.masteryScore));
  if (o.moveOn) args.push('--moveOn', o.moveOn);
  if (o.leave) args.push('--leave', o.leave);
  // The driver exits 1 when a rule check fails: that is a finding to assert on, not a crash.
  const crash = await new Promise<string | null>((done) =>
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 }, (err, _stdout, stderr) => done(existsSync(out) ? null : `${err?.message ?? 'no result'}\n${stderr}`)),
  );
  if (crash) throw new Error(`CATAPULT driver failed: ${crash}`);
  const run = JSON.parse(readFileSync(out, 'utf8')) as Omit<CatapultRun, 'requests' | 'file' | 'driverSawDuplicates'>;
  // The driver pages through the LRS 100 at a time with ascending=true, and the rig's LRS repeats
  // statements across those pages (seen: 275 read for 127 stored). Read them again in one page.
  const statements = await storedStatements(run.registration.code);
  const driverSawDuplicates = new Set(run.statements.map((x) => x.id)).size !== run.statements.length;
  return { ...run, statements, driverSawDuplicates, requests: existsSync(requests) ? (JSON.parse(readFileSync(requests, 'utf8')) as AuRequest[]) : [], file: out };
}

export const LRS = process.env.LMS_LRS ?? 'http://127.0.0.1:8080/xAPI/';
export const LRS_AUTH = `Basic ${Buffer.from(process.env.LMS_LRS_AUTH ?? 'lrs-key:lrs-secret').toString('base64')}`;

/** The statements the rig's LRS stored for a registration, oldest first, each once. */
async function storedStatements(registration: string): Promise<CatapultStatement[]> {
  const seen = new Map<string, CatapultStatement>();
  let next: string | null = `${LRS}statements?ascending=true&limit=1000&registration=${registration}`;
  while (next) {
    const r = await fetch(next, { headers: { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3' } });
    const page = (await r.json()) as { statements: RawStatement[]; more?: string };
    for (const st of page.statements) if (!seen.has(st.id)) seen.set(st.id, brief(st));
    next = page.more ? new URL(page.more, LRS).href : null;
  }
  return [...seen.values()];
}

interface RawStatement { id: string; verb: { id: string }; object: { id: string }; result?: CatapultStatement['result']; timestamp: string; context?: { contextActivities?: { category?: { id: string }[] }; extensions?: Record<string, unknown> } }

/** The same short form the driver prints. */
const brief = (st: RawStatement): CatapultStatement => ({
  id: st.id, verb: st.verb.id, object: st.object.id, result: st.result, timestamp: st.timestamp,
  categories: (st.context?.contextActivities?.category ?? []).map((c) => c.id),
  sessionid: st.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] as string | undefined,
});

/** The driver's rule checks that count statements: wrong whenever the driver read some twice. */
export const COUNTING_CHECKS = [
  'first AU statement is initialized (9.3.2 / 9.3.0.0-4)',
  'exactly one initialized per session (9.3.0.0-2)',
  'exactly one terminated, and it is the last AU statement (9.3.8, 9.3.0.0-5)',
  'no more than one completed/passed/failed; never both passed and failed (9.3.0.0-2/-3)',
];

/** The driver's failed checks, less the counting ones when it read statements twice (the test
 *  then checks those rules itself on the statements read once). */
export const failedChecks = (run: CatapultRun) =>
  run.cmi5Checks.filter((c) => !c.ok && !(run.driverSawDuplicates && COUNTING_CHECKS.includes(c.rule))).map((c) => c.rule);

export const verbName = (s: { verb: string }) => s.verb.split('/').pop()!;
