// Scores one answer and gathers the feedback that explains it: all or nothing per item, with a
// line of why for each choice the learner made (and, for multiple choice, each they missed).
import type { ScoredItem } from '../content/types';
import type { Response } from './response';

export interface FeedbackLine { id: string; text: string; correct: boolean }
export interface ItemResult { correct: boolean; feedback: FeedbackLine[] }

export function scoreItem(item: ScoredItem, r: Response): ItemResult {
  switch (item.type) {
    case 'single': {
      const chosen = item.options.find((o) => r.type === 'single' && o.id === r.optionId);
      return { correct: chosen?.correct === true, feedback: chosen ? [{ id: chosen.id, text: chosen.feedback, correct: chosen.correct }] : [] };
    }
    case 'multiple': {
      const ids = new Set(r.type === 'multiple' ? r.optionIds : []);
      // A line for every option the learner chose, and for every right one they left out.
      const lines = item.options
        .filter((o) => ids.has(o.id) || o.correct)
        .map((o) => ({ id: o.id, text: o.feedback, correct: ids.has(o.id) === o.correct }));
      return { correct: item.options.every((o) => ids.has(o.id) === o.correct), feedback: lines };
    }
    case 'truefalse': {
      const value = r.type === 'truefalse' ? r.value : !item.answer;
      const correct = value === item.answer;
      return { correct, feedback: [{ id: String(value), text: value ? item.feedback.true : item.feedback.false, correct }] };
    }
    case 'sort':
    case 'match': {
      const placements = r.type === 'sort' || r.type === 'match' ? r.placements : {};
      const entries = item.type === 'sort' ? item.statements.map((s) => ({ id: s.id, right: s.category, feedback: s.feedback })) : item.sources.map((s) => ({ id: s.id, right: s.target, feedback: s.feedback }));
      const lines = entries.map((e) => ({ id: e.id, text: e.feedback, correct: placements[e.id] === e.right }));
      return { correct: lines.every((l) => l.correct), feedback: lines };
    }
  }
}
