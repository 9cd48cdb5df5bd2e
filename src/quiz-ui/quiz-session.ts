// What a module quiz needs of the learner's session. The player passes an object that has it; the
// quiz components never import the player.
import type { QuizItem, ScoredItem } from '../content/types';
import type { SavedAnswer } from '../learner/learner-state';
import type { Response } from '../quiz/response';
import type { ItemResult } from '../quiz/score';

export interface QuizSession {
  /** False in review and preview: answers can be seen, not changed or recorded. */
  readonly recording: boolean;
  readonly courseId: string;
  /** The deploying trust sends reflections to its LMS (course.json privacy). */
  readonly reflectionsShared: boolean;
  itemsOf(moduleSlug: string): QuizItem[];
  savedAnswer(itemId: string): SavedAnswer | undefined;
  /** Scores the answer, records it, and commits once. */
  submitAnswer(item: ScoredItem, response: Response, moduleSlug: string, latencyMs: number): ItemResult;
  /** The tracker learns that the learner reflected; the text stays in the journal unless shared. */
  reflect(item: QuizItem, text: string, moduleSlug: string): void;
}
