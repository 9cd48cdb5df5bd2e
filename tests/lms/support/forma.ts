// Plays a built zip in the real Forma LMS 4.0.19 (the rig's run-scorm.mjs) as a student, one
// player session per sitting, and returns what Forma recorded: every API call and its error, and
// Forma's own tables for the attempt (scorm_tracking with its xmldata, the stored CMI tree;
// scorm_items_track, commontrack, scorm_tracking_history, courseuser).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT } from '../../../build/harness/paths';
import { rigPath } from './rigs';
import { runDriver, stepFiles } from './driver';
import type { Sitting, SittingSeen } from '../steps/learner';

export interface FormaCall { api: string; fn: string; args: string[]; ret: string | null; err: string | null; errStr: string | null; session: number; t: number; unloading?: boolean }

/** A row of Forma's lms_scorm_tracking: its columns, and xmldata, the whole CMI tree it keeps. */
export interface FormaTrackingRow {
  lesson_location: string | null;
  lesson_status: string | null;
  entry: string | null;
  exit: string | null;
  score_raw: string | null;
  total_time: string | null;
  session_time: string | null;
  suspend_data: string | null;
  xmldata: string | null;
  [column: string]: unknown;
}

export interface FormaRun {
  ok: boolean;
  course: { courseid: number; scorm_version: '1.2' | '1.3'; los: { idReference: number }[] };
  steps: { error: string | null };
  api_calls: FormaCall[];
  api_errors: FormaCall[];
  tracking: {
    scorm_tracking: FormaTrackingRow[];
    scorm_items_track: { idscorm_item: string | null; status: string }[];
    commontrack: { status: string; first_complete: string | null }[];
    scorm_tracking_history: { session_time: string; lesson_status: string; score_raw: string | null }[];
    courseuser: { status: string; date_complete: string | null } | null;
  };
  js_errors: { message: string; from_sco?: boolean }[];
  php_errors: string[];
  tracking_server_log: string[];
  sittings: SittingSeen[];
  out_dir: string;
}

export interface FormaOptions {
  label: string;
  /** The course completes when its SCORM object does (markEndOfCourse), as a trust would set it. */
  endCourseMarker?: boolean;
  timeoutMs?: number;
}

/** SQL on Forma's own database (the rig's private MariaDB, as the rig's README names it). */
export function formaSql(sql: string): string {
  return execFileSync('mysql', ['-h', '127.0.0.1', '-P', '3307', '-u', 'forma', '-pforma', '-N', '-B', 'forma', '-e', sql], { encoding: 'utf8' }).trim();
}

/** The student accepts the privacy policy as Forma's first-login page records it
 *  (PrecompileLms::setAcceptingPolicy), so no story starts on that page. */
function acceptPrivacyPolicy(): void {
  formaSql(`INSERT INTO core_privacypolicy_user (id_policy, idst, accept_date)
    SELECT p.id_policy, u.idst, NOW() FROM core_privacypolicy p JOIN core_user u ON u.userid = '/student'
    WHERE NOT EXISTS (SELECT 1 FROM core_privacypolicy_user a WHERE a.id_policy = p.id_policy AND a.idst = u.idst)`);
}

export async function playInForma(zip: string, sittings: Sitting[], options: FormaOptions): Promise<FormaRun> {
  const driver = rigPath('forma', 'run-scorm.mjs');
  const out = join(OUTPUT, 'lms', 'forma', options.label);
  mkdirSync(out, { recursive: true });
  acceptPrivacyPolicy();
  const steps = stepFiles(sittings.map((s, n) => (n === 0 && options.endCourseMarker ? { ...s, setup: 'forma-end-course-marker' as const } : s)));
  const args = [zip, '--step', steps.join(','), '--out', out, '--timeout', '180', '--name', options.label];
  return runDriver<FormaRun>(driver, args, out, options.label, options.timeoutMs ?? 1_100_000);
}

/** The values Forma stored for the SCO, from its xmldata, by their dotted names
 *  (`cmi.interactions.0.id`, `cmi.core.lesson_status`). */
export function stored(run: FormaRun): Record<string, string> {
  const xml = run.tracking.scorm_tracking[0]?.xmldata;
  return xml ? flattenCmi(xml) : {};
}

/** Forma's CMI tree (<cmi><core><lesson_status>…; the n-th entry of a list is
 *  <interactions index="n">) as dotted names: cmi.core.lesson_status, cmi.interactions.0.result. */
export function flattenCmi(xml: string): Record<string, string> {
  const values: Record<string, string> = {};
  const path: string[][] = [];
  const decode = (s: string) =>
    s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w-]+="[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|([^<]+)/g;
  let text = '';
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    const [whole, closing, name, attrs, selfClosing, chars] = m;
    if (chars !== undefined) {
      text += chars;
    } else if (whole.startsWith('<?')) {
      continue;
    } else if (closing) {
      const name = path.flat().join('.').replace(/^trackobj\./, '');
      if (text !== '' && name.startsWith('cmi.')) values[name] = decode(text);
      text = '';
      path.pop();
    } else {
      const index = /\sindex="(\d+)"/.exec(attrs ?? '')?.[1];
      text = '';
      if (!selfClosing) path.push(index === undefined ? [name] : [name, index]);
    }
  }
  return values;
}


/** Makes the course's learning object its "End course marker" ("Marcatore di fine corso"), as
 *  Forma's administrator does in the object's Properties ("Proprietà") under "Learning object
 *  management" ("Gestione oggetti didattici"): the column the Properties page saves
 *  (appLms/modules/organization/orglib.php, _getOtherUpdates). Forma completes the course for a
 *  learner when that object's track becomes completed or passed (class.module/track.object.php,
 *  _setCourseCompleted). Without a marker the course stays "in progress" whatever the SCO reports. */
export function markEndOfCourse(courseId: number): void {
  formaSql(`UPDATE learning_organization SET isTerminator = 1 WHERE idCourse = ${Number(courseId)} AND objectType = 'scormorg'`);
}
