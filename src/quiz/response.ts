// What a learner answered, one shape per scored item type, and whether it answers the whole item.
// Pure data: the same Response is scored, saved in suspend_data and sent to the LMS.
import type { ScoredItem } from '../content/types';

export type SingleResponse = { type: 'single'; optionId: string };
export type MultipleResponse = { type: 'multiple'; optionIds: string[] };
export type TrueFalseResponse = { type: 'truefalse'; value: boolean };
/** Statement id → category id. A statement not yet placed has no key. */
export type SortResponse = { type: 'sort'; placements: Record<string, string> };
/** Source id → target id. A source not yet matched has no key. */
export type MatchResponse = { type: 'match'; placements: Record<string, string> };

export type Response = SingleResponse | MultipleResponse | TrueFalseResponse | SortResponse | MatchResponse;

/** True when the response answers every part of the item: the option exists, at least one
 *  option is chosen, every statement or source is placed in a group the item has. */
export function isComplete(item: ScoredItem, response: Response | null | undefined): boolean {
  if (!response || response.type !== item.type) return false;
  switch (response.type) {
    case 'single':
      return item.type === 'single' && item.options.some((o) => o.id === response.optionId);
    case 'multiple':
      return item.type === 'multiple' && Array.isArray(response.optionIds) && item.options.some((o) => response.optionIds.includes(o.id));
    case 'truefalse':
      return typeof response.value === 'boolean';
    case 'sort':
      return item.type === 'sort' && allPlaced(item.statements.map((s) => s.id), item.categories.map((c) => c.id), response.placements);
    case 'match':
      return item.type === 'match' && allPlaced(item.sources.map((s) => s.id), item.targets.map((t) => t.id), response.placements);
  }
}

function allPlaced(entries: string[], groups: string[], placements: Record<string, string> | undefined): boolean {
  if (!placements) return false;
  return entries.every((id) => Object.hasOwn(placements, id) && groups.includes(placements[id]));
}
