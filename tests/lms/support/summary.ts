// Prints what an LMS stored in one story's run (its result.json), in a few lines: for a person
// reading a story's outcome, and for the notes that record what each platform kept.
//   npx tsx tests/lms/support/summary.ts tests/.output/lms/forma/<label>/result.json en scorm2004
import { readFileSync } from 'node:fs';
import { flattenCmi } from './forma';
import { bookmarkPage, interactionsOf, objectivesOf, stateOf, type Standard } from './records';
import type { Lang } from '../../../src/content/types';

const [file, lang, standard] = process.argv.slice(2) as [string, Lang, Standard];
const run = JSON.parse(readFileSync(file, 'utf8'));
const forma = run.lms === 'forma';
const v: Record<string, string> = forma ? flattenCmi(run.tracking?.scorm_tracking?.[0]?.xmldata ?? '') : (Object.values(run.tracking?.attempts?.['1'] ?? {})[0] as Record<string, string>) ?? {};
const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
const decoded = stateOf(v['cmi.suspend_data'], lang);
const interactions = interactionsOf(v);
const out = {
  values: pick('cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status', 'cmi.core.score.raw', 'cmi.score.raw', 'cmi.score.scaled', 'cmi.core.lesson_location', 'cmi.location',
    'cmi.core.exit', 'cmi.exit', 'cmi.core.entry', 'cmi.entry', 'cmi.core.total_time', 'cmi.total_time', 'cmi.core.session_time', 'cmi.session_time'),
  interactions: `${interactions.length} (${interactions.filter((i) => i.result === 'correct').length} correct)`,
  interactionIds: interactions.map((i) => i.id).join(' '),
  objectives: objectivesOf(v).map((o) => `${o.id}:${o.raw ?? '-'}/${o.status ?? o.success ?? '-'}`).join(' '),
  suspendData: decoded.ok ? { bookmark: bookmarkPage(decoded, lang), answers: Object.keys(decoded.state.answers).length, passed: decoded.state.passed, submitted: decoded.state.assessment.submitted, score: decoded.state.score } : decoded.reason,
  forma: forma ? { row: Object.fromEntries(['lesson_status', 'lesson_location', 'entry', 'exit', 'score_raw', 'total_time', 'session_time'].map((k) => [k, run.tracking.scorm_tracking[0]?.[k]])),
    items: run.tracking.scorm_items_track.map((t: { status: string }) => t.status), common: run.tracking.commontrack.map((t: { status: string }) => t.status),
    history: run.tracking.scorm_tracking_history.map((h: { session_time: string; lesson_status: string }) => `${h.lesson_status}/${h.session_time || '-'}`), course: run.tracking.courseuser?.status } : undefined,
  moodle: forma ? undefined : { grade: run.grade?.grade, completion: run.completion?.state },
  apiErrors: `${run.api_errors.length}: ${[...new Set(run.api_errors.map((c: { fn: string; args: string[]; err: string }) => `${c.fn}(${String(c.args[0]).replace(/\.\d+\./, '.N.')})=${c.err}`))].join(', ')}`,
  calls: run.api_calls.length,
  sittings: run.sittings?.map((s: { currentPage: string; notices: string[]; syncState: string; progress: string; looks: object; opened: object; tabs: Record<string, { notices: string[] }> }) => ({ page: s.currentPage, notices: s.notices, sync: s.syncState, progress: s.progress, looks: s.looks, opened: s.opened, tabs: Object.fromEntries(Object.entries(s.tabs ?? {}).map(([k, t]) => [k, { notices: t.notices }])) })),
};
console.log(JSON.stringify(out, null, 1));
