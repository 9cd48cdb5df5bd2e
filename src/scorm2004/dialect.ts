// SCORM 2004 4th edition's data model as this course writes it: cmi.*, ISO 8601 durations,
// completion and success apart, and one interaction per item, updated when it is answered again.
import type { ScormDialect, ScormCalls, Pair } from '../scorm/dialect';
import { interactionElement, objectiveElement, type InteractionElement, type ObjectiveElement } from '../scorm/elements';
import { isoDuration } from '../time/duration';
import { scorm2004Responses } from './responses';
import { scorm2004Id } from './identifiers';

/** The elements this course sets, by their names in the SCORM 2004 RTE. */
export type Cmi2004Element =
  | 'cmi.completion_status' | 'cmi.success_status' | 'cmi.location' | 'cmi.suspend_data' | 'cmi.progress_measure'
  | 'cmi.score.scaled' | 'cmi.score.raw' | 'cmi.score.min' | 'cmi.score.max' | 'cmi.session_time' | 'cmi.exit'
  | InteractionElement<'id' | 'type' | 'timestamp' | 'description' | 'latency' | 'learner_response' | 'result' | 'correct_responses.0.pattern'>
  | ObjectiveElement<'id' | 'score.scaled' | 'score.raw' | 'score.min' | 'score.max' | 'success_status' | 'completion_status'>;
type Pair2004 = Pair<Cmi2004Element>;

interface Api2004 {
  Initialize(a: string): string; Terminate(a: string): string; GetValue(e: string): string; SetValue(e: string, v: string): string;
  Commit(a: string): string; GetLastError(): string; GetErrorString(c: string): string;
}

/** time(second,10,0): YYYY-MM-DDThh:mm:ss, the local time. */
function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export const scorm2004Dialect: ScormDialect = {
  standard: 'scorm2004',
  apiName: 'API_1484_11',
  calls(api): ScormCalls {
    const a = api as Api2004;
    return {
      initialize: () => a.Initialize(''), terminate: () => a.Terminate(''), getValue: (e) => a.GetValue(e), setValue: (e, v) => a.SetValue(e, v),
      commit: () => a.Commit(''), getLastError: () => a.GetLastError(), getErrorString: (c) => a.GetErrorString(c),
    };
  },
  suspendDataLimit: 64000,
  location: 'cmi.location',
  suspendData: 'cmi.suspend_data',
  exit: 'cmi.exit',
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',
  identifier: scorm2004Id,
  interactionId: (n) => interactionElement(n, 'id'),
  objectiveId: (n) => objectiveElement(n, 'id'),
  responses: scorm2004Responses,
  readLaunch(get) {
    const mode = get('cmi.mode');
    const completed = get('cmi.completion_status') === 'completed';
    const success = get('cmi.success_status');
    const scaled = Number.parseFloat(get('cmi.scaled_passing_score'));
    // A failed attempt is not finished: the learner may come back to retake the assessment while
    // course.json allows (the course itself offers no retake once the attempts are used up).
    const previouslyCompleted = completed && success === 'passed';
    return {
      mode: mode === 'browse' ? 'browse' : mode === 'review' || previouslyCompleted ? 'review' : 'normal',
      learner: { id: get('cmi.learner_id') || null, name: get('cmi.learner_name') || null },
      savedState: get('cmi.suspend_data') || null,
      location: get('cmi.location') || null,
      masteryScore: Number.isFinite(scaled) && scaled >= 0 && scaled <= 1 ? Math.round(scaled * 100) : null,
      previouslyCompleted,
    };
  },
  startValues(get): Pair2004[] {
    const status = get('cmi.completion_status');
    return status === 'not attempted' || status === 'unknown' || status === '' ? [['cmi.completion_status', 'incomplete']] : [];
  },
  interactionSlots: 'read-back',
  sessionTime: (seconds) => ['cmi.session_time', isoDuration(seconds * 1000)],
  progressValues: (progress): Pair2004[] => [['cmi.progress_measure', progress.toFixed(2)]],
  interactionValues(n, i): Pair2004[] {
    const at = <F extends string>(field: F) => interactionElement(n, field);
    const pairs: Pair2004[] = [[at('id'), i.id], [at('type'), i.type]];
    if (!i.brief) pairs.push([at('timestamp'), timestamp(i.timestamp)], [at('description'), i.description]);
    if (i.correctPattern !== null) pairs.push([at('correct_responses.0.pattern'), i.correctPattern]);
    pairs.push([at('learner_response'), i.learnerResponse]);
    if (i.result) pairs.push([at('result'), i.result]);
    if (i.latencySeconds > 0) pairs.push([at('latency'), isoDuration(i.latencySeconds * 1000)]);
    return pairs;
  },
  objectiveValues(n, o): Pair2004[] {
    const at = <F extends string>(field: F) => objectiveElement(n, field);
    const success = o.status === 'incomplete' ? 'unknown' : o.status;
    return [
      [at('id'), o.id],
      [at('score.scaled'), (o.scorePercent / 100).toFixed(2)], [at('score.raw'), String(o.scorePercent)], [at('score.min'), '0'], [at('score.max'), '100'],
      [at('success_status'), success],
      [at('completion_status'), o.status === 'incomplete' ? 'incomplete' : 'completed'],
    ];
  },
  // A failed attempt with retakes left stays incomplete (Moodle opens a completed attempt in review).
  statusValues(r): Pair2004[] {
    return [
      ['cmi.success_status', r.passed ? 'passed' : 'failed'],
      ['cmi.completion_status', r.final ? 'completed' : 'incomplete'],
    ];
  },
  scoreValues(r): Pair2004[] {
    return [['cmi.score.scaled', (r.scorePercent / 100).toFixed(2)], ['cmi.score.raw', String(r.scorePercent)], ['cmi.score.min', '0'], ['cmi.score.max', '100']];
  },
  exitValues(exit, seconds): Pair2004[] {
    return [['cmi.session_time', isoDuration(seconds * 1000)], ['cmi.exit', exit === 'suspend' ? 'suspend' : 'normal']];
  },
};
