// Scores one answer and gathers the feedback that explains it. Correctness is all or nothing per
// item (a sort is right only when every statement is); each feedback line says why, and whether
// the learner's choice behind it was right, so wrong answers teach as much as right ones.
import type { ScoredItem } from '../content/types';
import type { Response } from './response';

/** One line of why. `correct` tells whether the learner got this part right. */
export interface FeedbackLine { id: string; text: string; correct: boolean }
export interface ItemResult { correct: boolean; feedback: FeedbackLine[] }

const UNANSWERED: ItemResult = { correct: false, feedback: [] };

/** A missing response, or one of another item type, is wrong and has no feedback lines. */
export function scoreItem(item: ScoredItem, response: Response | null | undefined): ItemResult {
  if (!response || response.type !== item.type) return UNANSWERED;
  switch (item.type) {
    case 'single': {
      if (response.type !== 'single') return UNANSWERED;
      const chosen = item.options.find((o) => o.id === response.optionId);
      if (!chosen) return UNANSWERED;
      return { correct: chosen.correct, feedback: [{ id: chosen.id, text: chosen.feedback, correct: chosen.correct }] };
    }
    case 'multiple': {
      if (response.type !== 'multiple') return UNANSWERED;
      const chosen = new Set(response.optionIds);
      // Every option gets a line: an option left out is as telling as one ticked.
      const feedback = item.options.map((o) => ({ id: o.id, text: o.feedback, correct: chosen.has(o.id) === o.correct }));
      return { correct: feedback.every((l) => l.correct), feedback };
    }
    case 'truefalse': {
      if (response.type !== 'truefalse' || typeof response.value !== 'boolean') return UNANSWERED;
      const correct = response.value === item.answer;
      const text = response.value ? item.feedback.true : item.feedback.false;
      return { correct, feedback: [{ id: String(response.value), text, correct }] };
    }
    case 'sort':
    case 'match': {
      if (response.type !== 'sort' && response.type !== 'match') return UNANSWERED;
      const placements = response.placements ?? {};
      const entries = item.type === 'sort'
        ? item.statements.map((s) => ({ id: s.id, right: s.category, text: s.feedback }))
        : item.sources.map((s) => ({ id: s.id, right: s.target, text: s.feedback }));
      const feedback = entries.map((e) => ({ id: e.id, text: e.text, correct: Object.hasOwn(placements, e.id) && placements[e.id] === e.right }));
      return { correct: feedback.length > 0 && feedback.every((l) => l.correct), feedback };
    }
  }
}
