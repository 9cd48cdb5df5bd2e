// Reads an LMS's stored SCORM values (Moodle's tracks or Forma's xmldata, as flat dotted names) the
// way a report would: the interactions and objectives with the course items they belong to, and
// the suspend_data decoded back into the learner's state.
import { courseContent } from '../../../build/harness/course-content';
import { isScored, type Lang } from '../../../src/content/types';
import { courseShapeOf } from '../../../src/learner/course-shape';
import { decodeState, type DecodeResult } from '../../../src/learner/state-codec';
import { scorm2004Id } from '../../../src/scorm2004/identifiers';

export type Standard = 'scorm12' | 'scorm2004';

/** The identifier an item or module has in the LMS: SCORM 1.2 keeps the course's own id; SCORM
 *  2004 (whose identifiers are URIs, and which strict runtimes check) a URN the course makes of it. */
export function lmsId(standard: Standard, lang: Lang, id: string): string {
  return standard === 'scorm2004' ? scorm2004Id(courseContent(lang).outline.id, id) : id;
}

/** An entry of cmi.interactions or cmi.objectives; its id is missing when the LMS refused it. */
export interface StoredInteraction { n: number; id?: string; result?: string; response?: string }
export interface StoredObjective { n: number; id?: string; raw?: string; status?: string; success?: string; completion?: string }

/** The entries of a list the LMS holds anything for, by number (Moodle writes cmi.interactions_0.id). */
function indexed(v: Record<string, string>, list: 'interactions' | 'objectives'): { n: number; prefix: string }[] {
  const entries = new Map<number, string>();
  for (const k of Object.keys(v)) {
    const m = new RegExp(`^(cmi\\.${list}[._](\\d+))\\.`).exec(k);
    if (m) entries.set(Number(m[2]), m[1]);
  }
  return [...entries].sort(([a], [b]) => a - b).map(([n, prefix]) => ({ n, prefix }));
}

export function interactionsOf(v: Record<string, string>): StoredInteraction[] {
  return indexed(v, 'interactions').map(({ n, prefix }) => ({
    n, id: v[`${prefix}.id`], result: v[`${prefix}.result`], response: v[`${prefix}.student_response`] ?? v[`${prefix}.learner_response`],
  }));
}

export function objectivesOf(v: Record<string, string>): StoredObjective[] {
  return indexed(v, 'objectives').map(({ n, prefix }) => ({
    n, id: v[`${prefix}.id`], raw: v[`${prefix}.score.raw`], status: v[`${prefix}.status`], success: v[`${prefix}.success_status`], completion: v[`${prefix}.completion_status`],
  }));
}

/** The items the learner answers in a module (its quiz, or the final assessment), scored only. */
export function scoredItems(lang: Lang, slug: string): string[] {
  return courseContent(lang).modules.find((m) => m.slug === slug)!.items.filter(isScored).map((i) => i.id);
}

/** Modules whose quiz is scored: each is an objective. */
export function scoredModules(lang: Lang): string[] {
  return courseContent(lang).modules.filter((m) => m.items.some(isScored)).map((m) => m.slug);
}

/** For each expected item, the result the LMS holds for it (the last interaction with its id), or
 *  'missing'. */
export function resultsFor(v: Record<string, string>, standard: Standard, lang: Lang, itemIds: string[]): Record<string, string> {
  const stored = interactionsOf(v);
  return Object.fromEntries(itemIds.map((id) => [id, stored.filter((i) => i.id === lmsId(standard, lang, id)).at(-1)?.result ?? 'missing']));
}

/** The learner's state as the course will read it back from suspend_data. */
export function stateOf(suspendData: string | undefined | null, lang: Lang): DecodeResult {
  return decodeState(suspendData ?? '', shapeOf(lang));
}

const shapeOf = (lang: Lang) => courseShapeOf({ id: courseContent(lang).outline.id, modules: courseContent(lang).modules });

/** The page id a decoded state's bookmark points at. */
export function bookmarkPage(decoded: DecodeResult, lang: Lang): string | null {
  return decoded.ok ? shapeOf(lang).pageIds[decoded.state.bookmark] ?? null : null;
}

/** Seconds in a SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) or a SCORM 2004 ISO 8601 duration. */
export function seconds(time: string | undefined | null): number {
  if (!time) return 0;
  const cmi = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(time);
  if (cmi) return Number(cmi[1]) * 3600 + Number(cmi[2]) * 60 + Number(cmi[3]);
  const iso = /^P(?:\d+Y)?(?:\d+M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(time);
  if (!iso) return Number.NaN;
  return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
}

/** How long the learner's sittings lasted, in seconds, from each sitting's first API call to its
 *  last (what an LMS may count as time spent, at most). */
export function sittingsSeconds(calls: { session: number; t: number }[]): number {
  const sessions = [...new Set(calls.map((c) => c.session))];
  return sessions.reduce((sum, session) => {
    const t = calls.filter((c) => c.session === session).map((c) => c.t);
    return sum + (Math.max(...t) - Math.min(...t)) / 1000;
  }, 0);
}
