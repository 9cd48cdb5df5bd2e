// The course's closing screens: the evaluation (ratings in the state, free comments in this
// browser, both sent as survey interactions), the attestation of time, and the certificate.
import type { SurveyItem } from '../content/types';
import { certificateId, dateOfDay, dayNumber, displayName } from '../learner/certificate';
import { evaluationCommentsKey, learnerNameKey } from '../learner/storage-keys';
import type { AttestationSession, CertificateFacts, CertificateSession, EvaluationSession } from '../close/closing-session';
import type { LearnerRecord } from './learner-record';

export class CourseEvaluation implements EvaluationSession {
  constructor(private readonly r: LearnerRecord) {}

  get mode() {
    return this.r.launch.mode;
  }

  get ratings(): Record<string, string> {
    return this.r.state.survey;
  }

  items(moduleSlug: string): SurveyItem[] {
    return this.r.itemsOf(moduleSlug).filter((i): i is SurveyItem => i.type === 'survey');
  }

  /** Free comments are too long for suspend_data: they stay in this browser (and go to the LMS as survey interactions). */
  comments(): Record<string, string> {
    try {
      return JSON.parse(localStorage.getItem(evaluationCommentsKey(this.r.outline.id)) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  }

  submit(items: SurveyItem[], answers: Record<string, string>): void {
    const comments: Record<string, string> = {};
    const given = items.filter((i) => (answers[i.id] ?? '').trim());
    for (const item of given) {
      const answer = answers[item.id].trim();
      if (item.scale) this.r.state.survey[item.id] = answer;
      else comments[item.id] = answer;
    }
    try {
      localStorage.setItem(evaluationCommentsKey(this.r.outline.id), JSON.stringify(comments));
    } catch {
      // the comment still goes to the LMS below
    }
    const moduleSlug = this.r.snapshot().moduleSlug;
    this.r.tracker.survey(given.map((item) => ({ item, answer: answers[item.id].trim(), moduleSlug })), this.r.snapshot());
  }
}

export class TimeAttestation implements AttestationSession {
  private readonly startedAt = Date.now();

  constructor(private readonly r: LearnerRecord) {}

  get mode() {
    return this.r.launch.mode;
  }

  get attestedMinutes(): number | null {
    return this.r.state.attestedMinutes;
  }

  get maxMinutes(): number {
    return this.r.outline.cme.creditHours * 60;
  }

  /** Minutes spent so far across sittings, rounded up. */
  measuredMinutes(): number {
    const seconds = this.r.state.elapsedSeconds + (Date.now() - this.startedAt) / 1000;
    return Math.max(1, Math.ceil(seconds / 60));
  }

  attest(minutes: number): void {
    this.r.state.attestedMinutes = minutes;
    this.r.tracker.save(this.r.snapshot());
  }
}

export class Certificate implements CertificateSession {
  private typedName = $state<string | null>(null);

  constructor(private readonly r: LearnerRecord, readonly openJournal: () => void) {}

  get outline() {
    return this.r.outline;
  }

  get lmsName(): string | null {
    return this.r.launch.learner.name;
  }

  learnerName(): string | null {
    if (this.r.launch.learner.name) return displayName(this.r.launch.learner.name);
    if (this.typedName !== null) return this.typedName;
    try {
      return localStorage.getItem(learnerNameKey(this.r.outline.id));
    } catch {
      return null;
    }
  }

  setLearnerName(name: string): void {
    this.typedName = name;
    try {
      localStorage.setItem(learnerNameKey(this.r.outline.id), name);
    } catch {
      // shown for this sitting only
    }
  }

  /** The certificate's facts after a pass. Credit hours come from the learner's attested time only
   *  (null until they confirm it), capped at the course's credit. */
  certificate(): CertificateFacts | null {
    const s = this.r.state;
    const o = this.r.outline;
    if (s.passed !== true || s.score === null) return null;
    const day = s.completedOn ?? dayNumber(new Date());
    const a = s.assessment;
    return {
      id: certificateId({ courseId: o.id, version: o.version, learner: this.r.launch.learner.id ?? '', attempt: a.attempt, seed: a.seed, completedOn: day }),
      date: dateOfDay(day).toLocaleDateString(o.lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      score: s.score,
      hours: s.attestedMinutes === null ? null : Math.min(o.cme.creditHours, Math.round((s.attestedMinutes / 60) * 4) / 4),
    };
  }
}
