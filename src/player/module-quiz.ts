// A module's knowledge checks and reflections: scores an answer, keeps it in the state, and tells
// the tracker once (the module's objective travels with it).
import { isScored, type QuizItem, type ScoredItem } from '../content/types';
import type { Response } from '../quiz/response';
import { scoreItem, type ItemResult } from '../quiz/score';
import type { QuizSession } from '../quiz-ui/quiz-session';
import type { LearnerRecord } from './learner-record';

export class ModuleQuiz implements QuizSession {
  constructor(private readonly r: LearnerRecord) {}

  get recording(): boolean {
    return this.r.launch.mode === 'normal';
  }

  get courseId(): string {
    return this.r.outline.id;
  }

  get reflectionsShared(): boolean {
    return this.r.outline.privacy.sendReflectionsToLms;
  }

  itemsOf(moduleSlug: string): QuizItem[] {
    return this.r.itemsOf(moduleSlug);
  }

  savedAnswer(itemId: string) {
    return this.r.state.answers[itemId];
  }

  submitAnswer(item: ScoredItem, response: Response, moduleSlug: string, latencyMs: number): ItemResult {
    const result = scoreItem(item, response);
    const answers = this.r.state.answers;
    answers[item.id] = { response, correct: result.correct, tries: (answers[item.id]?.tries ?? 0) + 1 };
    const scored = this.r.itemsOf(moduleSlug).filter(isScored);
    const answered = scored.filter((i) => answers[i.id]);
    const right = answered.filter((i) => answers[i.id].correct).length;
    const scorePercent = scored.length ? Math.round((right / scored.length) * 100) : 0;
    const status = answered.length < scored.length ? 'incomplete' : scorePercent >= this.r.outline.masteryScore ? 'passed' : 'failed';
    this.r.tracker.answer([{ item, kind: 'check', response, correct: result.correct, latencyMs, moduleSlug, objective: { id: moduleSlug, scorePercent, status } }], this.r.snapshot());
    return result;
  }

  reflect(item: QuizItem, text: string, moduleSlug: string): void {
    this.r.tracker.reflect({ item, text, moduleSlug }, this.r.snapshot());
  }
}
