// What the player must know of a quiz item before its module's content loads: its type and the ids
// of its choices and groups (enough for the menu, progress and the suspend_data codec).
import type { ItemOutline, QuizItem } from './types';

export function itemOutline(item: QuizItem): ItemOutline {
  switch (item.type) {
    case 'single':
    case 'multiple':
      return { id: item.id, type: item.type, choiceIds: item.options.map((o) => o.id), groupIds: [] };
    case 'sort':
      return { id: item.id, type: item.type, choiceIds: item.statements.map((s) => s.id), groupIds: item.categories.map((c) => c.id) };
    case 'match':
      return { id: item.id, type: item.type, choiceIds: item.sources.map((s) => s.id), groupIds: item.targets.map((t) => t.id) };
    case 'survey':
      return { id: item.id, type: item.type, choiceIds: item.scale?.map((s) => s.id) ?? [], groupIds: [] };
    default:
      return { id: item.id, type: item.type, choiceIds: [], groupIds: [] };
  }
}
