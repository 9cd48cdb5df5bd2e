// The learner's progress and answers as the player keeps them: pages seen, answers, the final
// assessment's attempts, the evaluation, the attested time and the result. Saved by state-codec.ts.
import type { Response } from '../quiz/response';
import type { CourseShape } from './course-shape';

/** A module quiz answer as last submitted. */
export interface SavedAnswer { response: Response; correct: boolean; tries: number }

export interface AssessmentState {
  /** The attempt under way or last submitted, from 1. */
  attempt: number;
  /** Seeds this attempt's item order (see drawAssessment). */
  seed: number;
  submitted: boolean;
  /** Answers of this attempt by item id, drafts included. */
  responses: Record<string, Response>;
  lastScore: number | null;
}

export interface LearnerState {
  /** Index of the page to resume at, in course order. */
  bookmark: number;
  /** One flag per page, in course order. */
  visited: boolean[];
  answers: Record<string, SavedAnswer>;
  assessment: AssessmentState;
  /** Course-evaluation ratings by item id (the scale point's id). Free comments stay out. */
  survey: Record<string, string>;
  attestedMinutes: number | null;
  completed: boolean;
  passed: boolean | null;
  /** Best assessment score, 0–100. */
  score: number | null;
  /** Day number (days since 1970-01-01, UTC) of the pass, for the certificate. */
  completedOn: number | null;
  /** Study time of earlier sittings. */
  elapsedSeconds: number;
}

/** The largest numbers the codec keeps; larger ones are saved as these. */
export const STATE_LIMITS = {
  tries: 15,
  attempt: 2 ** 16 - 1,
  seed: 2 ** 32 - 1,
  attestedMinutes: 2 ** 20 - 1,
  completedOn: 2 ** 24 - 1,
  elapsedSeconds: 2 ** 32 - 1,
} as const;

/** A learner who has not started. Pure: the same shape gives the same state. Pass
 *  `randomSeed()` as the seed to give each learner's first attempt its own order. */
export function emptyState(shape: CourseShape, seed = 1): LearnerState {
  return {
    bookmark: 0,
    visited: shape.pageIds.map(() => false),
    answers: {},
    assessment: { attempt: 1, seed, submitted: false, responses: {}, lastScore: null },
    survey: {},
    attestedMinutes: null,
    completed: false,
    passed: null,
    score: null,
    completedOn: null,
    elapsedSeconds: 0,
  };
}

