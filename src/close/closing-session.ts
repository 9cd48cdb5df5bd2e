// What the assessment module's closing parts (final assessment, evaluation, attestation,
// certificate) need of the learner's session. The player passes objects that have it; these
// components never import the player.
import type { CourseOutline, ScoredItem, SurveyItem } from '../content/types';
import type { AssessmentState } from '../learner/learner-state';
import type { Response } from '../quiz/response';

/** normal: records; browse (preview) and review: shows, never changes anything. */
export type SessionMode = 'normal' | 'browse' | 'review';

export interface AssessmentSession {
  readonly mode: SessionMode;
  readonly state: AssessmentState;
  readonly masteryScore: number;
  readonly canRetake: boolean;
  readonly retakesLeft: number;
  /** The attempt's items, in this attempt's shuffled order. */
  items(moduleSlug: string): ScoredItem[];
  answered(item: ScoredItem): boolean;
  /** A draft answer lives in the state and is saved with the next commit, not on every click. */
  draft(item: ScoredItem, response: Response | null): void;
  result(): { score: number; passed: boolean } | null;
  submit(moduleSlug: string): void;
  retake(): void;
}

export interface EvaluationSession {
  readonly mode: SessionMode;
  items(moduleSlug: string): SurveyItem[];
  /** Ratings given so far, by item id. */
  readonly ratings: Record<string, string>;
  /** Free comments, kept in this browser. */
  comments(): Record<string, string>;
  submit(items: SurveyItem[], answers: Record<string, string>): void;
}

export interface AttestationSession {
  readonly mode: SessionMode;
  readonly attestedMinutes: number | null;
  /** The most minutes the learner may attest: the course's credit. */
  readonly maxMinutes: number;
  measuredMinutes(): number;
  attest(minutes: number): void;
}

export interface CertificateFacts { id: string; date: string; score: number; hours: number | null }

export interface CertificateSession {
  readonly outline: CourseOutline;
  /** The name the LMS gave, if any: the learner then cannot change it. */
  readonly lmsName: string | null;
  learnerName(): string | null;
  setLearnerName(name: string): void;
  certificate(): CertificateFacts | null;
  openJournal(): void;
}

export interface ClosingSession {
  readonly assessment: AssessmentSession;
  readonly evaluation: EvaluationSession;
  readonly attestation: AttestationSession;
  readonly certificate: CertificateSession;
}
