// What a learner answered, per scored item type. Pure data, no DOM.
import type { ScoredItem } from '../content/types';

export type Response =
  | { type: 'single'; optionId: string }
  | { type: 'multiple'; optionIds: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'sort'; placements: Record<string, string> }
  | { type: 'match'; placements: Record<string, string> };

/** True when the response answers every part of the item (every statement placed, …). */
export function isComplete(item: ScoredItem, r: Response): boolean {
  if (r.type !== item.type) return false;
  switch (item.type) {
    case 'single':
      return item.options.some((o) => o.id === (r as { optionId: string }).optionId);
    case 'multiple':
      return (r as { optionIds: string[] }).optionIds.length > 0;
    case 'truefalse':
      return typeof (r as { value: boolean }).value === 'boolean';
    case 'sort':
      return item.statements.every((s) => item.categories.some((c) => c.id === (r as { placements: Record<string, string> }).placements[s.id]));
    case 'match':
      return item.sources.every((s) => item.targets.some((t) => t.id === (r as { placements: Record<string, string> }).placements[s.id]));
  }
}
