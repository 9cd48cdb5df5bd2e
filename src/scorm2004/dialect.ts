// SCORM 2004 4th edition's names and formats (cmi.*, ISO 8601 durations, completion and success).
import type { ScormDialect, ScormCalls, Pair } from '../scorm/dialect';
import { iso8601Duration } from '../scorm/time-format';

interface Api2004 {
  Initialize(a: string): string; Terminate(a: string): string; GetValue(e: string): string; SetValue(e: string, v: string): string;
  Commit(a: string): string; GetLastError(): string; GetErrorString(c: string): string;
}

/** SCORM 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss with the local offset. */
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
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',
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
  startValues(get) {
    const status = get('cmi.completion_status');
    return status === 'not attempted' || status === 'unknown' || status === '' ? [['cmi.completion_status', 'incomplete']] : [];
  },
  recordsKnowledgeChecks: false,
  interactionSlots: 'per-item',
  progressValues: (progress) => [['cmi.progress_measure', progress.toFixed(2)]],
  interactionValues(n, i) {
    const p = `cmi.interactions.${n}`;
    const pairs: Pair[] = [[`${p}.id`, i.id], [`${p}.type`, i.type]];
    if (!i.brief) pairs.push([`${p}.timestamp`, timestamp(i.timestamp)], [`${p}.description`, i.description]);
    if (i.correctPattern !== null) pairs.push([`${p}.correct_responses.0.pattern`, i.correctPattern]);
    pairs.push([`${p}.learner_response`, i.learnerResponse]);
    if (i.result) pairs.push([`${p}.result`, i.result]);
    if (i.latencySeconds > 0) pairs.push([`${p}.latency`, iso8601Duration(i.latencySeconds)]);
    return pairs;
  },
  objectiveValues(n, o) {
    const p = `cmi.objectives.${n}`;
    const success = o.status === 'incomplete' ? 'unknown' : o.status;
    return [
      [`${p}.id`, o.id],
      [`${p}.score.scaled`, (o.scorePercent / 100).toFixed(2)], [`${p}.score.raw`, String(o.scorePercent)], [`${p}.score.min`, '0'], [`${p}.score.max`, '100'],
      [`${p}.success_status`, success],
      [`${p}.completion_status`, o.status === 'incomplete' ? 'incomplete' : 'completed'],
    ];
  },
  // A failed attempt with retakes left stays incomplete (Moodle opens a completed attempt in review).
  statusValues(r) {
    return [
      ['cmi.success_status', r.passed ? 'passed' : 'failed'],
      ['cmi.completion_status', r.final ? 'completed' : 'incomplete'],
    ];
  },
  scoreValues(r) {
    return [['cmi.score.scaled', (r.scorePercent / 100).toFixed(2)], ['cmi.score.raw', String(r.scorePercent)], ['cmi.score.min', '0'], ['cmi.score.max', '100']];
  },
  exitValues(exit, seconds) {
    return [['cmi.session_time', iso8601Duration(seconds)], ['cmi.exit', exit === 'suspend' ? 'suspend' : 'normal']];
  },
};
