// The final assessment: this attempt's items in their shuffled order, draft answers kept in the
// state, submission scored at the mastery score, and retakes as course.json allows.
import { isScored, type ScoredItem } from '../content/types';
import type { Response } from '../quiz/response';
import { scoreItem } from '../quiz/score';
import { isComplete } from '../quiz/response';
import { canRetake, drawAssessment, isPassed, randomSeed, scorePercent } from '../quiz/assessment';
import { dayNumber } from '../learner/certificate';
import type { AssessmentSession } from '../close/closing-session';
import type { LearnerRecord } from './learner-record';

export class FinalAssessment implements AssessmentSession {
  constructor(private readonly r: LearnerRecord) {}

  get mode() {
    return this.r.launch.mode;
  }

  get state() {
    return this.r.state.assessment;
  }

  get masteryScore(): number {
    return this.r.launch.masteryScore ?? this.r.outline.masteryScore;
  }

  get canRetake(): boolean {
    return canRetake(this.state.attempt, this.r.outline.attemptsAllowed);
  }

  get retakesLeft(): number {
    return Math.max(0, this.r.outline.attemptsAllowed - this.state.attempt);
  }

  items(moduleSlug: string): ScoredItem[] {
    const scored = this.r.itemsOf(moduleSlug).filter(isScored);
    return drawAssessment(scored, this.state.seed).map((id) => scored.find((i) => i.id === id)!).filter(Boolean);
  }

  answered(item: ScoredItem): boolean {
    const response = this.state.responses[item.id];
    return response !== undefined && isComplete(item, response);
  }

  draft(item: ScoredItem, response: Response | null): void {
    if (response) this.state.responses[item.id] = response;
    else delete this.state.responses[item.id];
  }

  result(): { score: number; passed: boolean } | null {
    const a = this.state;
    if (!a.submitted || a.lastScore === null) return null;
    return { score: a.lastScore, passed: isPassed(a.lastScore, this.masteryScore) };
  }

  submit(moduleSlug: string): void {
    const a = this.state;
    const results = this.items(moduleSlug).map((item) => ({ item, response: a.responses[item.id], correct: scoreItem(item, a.responses[item.id]).correct }));
    const score = scorePercent(results.map((r) => r.correct));
    const passed = isPassed(score, this.masteryScore);
    const s = this.r.state;
    a.submitted = true;
    a.lastScore = score;
    s.score = Math.max(score, s.score ?? 0);
    s.passed = passed || s.passed === true;
    s.completed = s.passed === true || !this.canRetake;
    if (passed && s.completedOn === null) s.completedOn = dayNumber(new Date());
    const objective = { id: moduleSlug, scorePercent: score, status: passed ? 'passed' : 'failed' } as const;
    this.r.tracker.answer(results.map((x) => ({ item: x.item, kind: 'assessment', response: x.response, correct: x.correct, latencyMs: 0, moduleSlug, objective })), this.r.snapshot());
    this.r.tracker.setResult({ scorePercent: s.score, passed: s.passed === true, completed: true, final: s.completed }, this.r.snapshot());
  }

  retake(): void {
    if (!this.canRetake || this.mode !== 'normal') return;
    const a = this.state;
    a.attempt += 1;
    a.seed = randomSeed();
    a.submitted = false;
    a.responses = {};
    a.lastScore = null;
    this.r.tracker.save(this.r.snapshot());
  }
}
