// Every interactive component type, as its interactive.json entry holds it: the lists of entries it
// needs, the texts each entry has in every language, and the list whose entries ask the learner for
// a decision (counted in the time estimate). The build validates and times components from here;
// the player shows each with the component src/interactive/components.ts names for its type.
import type { InteractiveData } from './types';

export interface InteractiveShape {
  lists: { key: string; text: string[] }[];
  /** The list whose every entry the learner decides on (a card to turn, a statement to sort), or null. */
  decided: string | null;
}

export const INTERACTIVE_TYPES: Record<InteractiveData['type'], InteractiveShape> = {
  timeline: { lists: [{ key: 'events', text: ['title', 'text'] }], decided: null },
  cards: { lists: [{ key: 'cards', text: ['front', 'back'] }], decided: 'cards' },
  session: { lists: [{ key: 'steps', text: ['title', 'text'] }], decided: null },
  sorter: { lists: [{ key: 'categories', text: ['text'] }, { key: 'statements', text: ['text', 'explanation'] }], decided: 'statements' },
  comparison: { lists: [{ key: 'columns', text: ['text'] }, { key: 'rows', text: ['aspect'] }], decided: null },
};

export const isInteractiveType = (type: unknown): type is InteractiveData['type'] => typeof type === 'string' && Object.hasOwn(INTERACTIVE_TYPES, type);
