// What the parts of a session (module quiz, final assessment, closing screens) share: the learner's
// state, the launch, the course, and the one way to tell the tracker. CourseSession has it.
import type { CourseOutline, QuizItem } from '../content/types';
import type { LaunchData, Snapshot, Tracker } from '../events/tracker';
import type { LearnerState } from '../learner/learner-state';

export interface LearnerRecord {
  readonly outline: CourseOutline;
  readonly launch: LaunchData;
  readonly tracker: Tracker;
  readonly state: LearnerState;
  /** The state to persist with the next tracker event. */
  snapshot(): Snapshot;
  itemsOf(moduleSlug: string): QuizItem[];
}
