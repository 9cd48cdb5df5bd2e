// Quiz items as xAPI interaction activities: the definition (type, choices or source/target,
// correct pattern) and the learner's response in the same pattern syntax (xAPI 1.0.3 §9.1).
import type { InteractionActivityDefinition, InteractionComponent, LanguageMap } from '@xapi/xapi';
import type { Lang, QuizItem, ScoredItem } from '../content/types';
import type { Response } from '../quiz/response';
import { ACTIVITY_TYPES } from './vocabulary';

export const langMap = (lang: Lang, text: string): LanguageMap => ({ [lang]: text }) as LanguageMap;

/** Interaction components need ids without spaces; the text is plain (HTML stripped). */
const component = (lang: Lang, id: string, text: string): InteractionComponent => ({ id, description: langMap(lang, plainText(text)) });

export function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
}

const pairs = (map: Record<string, string>, order: string[]) => order.filter((id) => map[id] !== undefined).map((id) => `${id}[.]${map[id]}`).join('[,]');

export function interactionDefinition(item: QuizItem, lang: Lang): InteractionActivityDefinition {
  const base = { type: ACTIVITY_TYPES.interaction, name: langMap(lang, plainText(item.prompt).slice(0, 250)), description: langMap(lang, plainText(item.prompt)) } as const;
  switch (item.type) {
    case 'single':
      return { ...base, interactionType: 'choice', choices: item.options.map((o) => component(lang, o.id, o.text)), correctResponsesPattern: item.options.filter((o) => o.correct).map((o) => o.id) };
    case 'multiple':
      return { ...base, interactionType: 'choice', choices: item.options.map((o) => component(lang, o.id, o.text)), correctResponsesPattern: [item.options.filter((o) => o.correct).map((o) => o.id).join('[,]')] };
    case 'truefalse':
      return { ...base, interactionType: 'true-false', correctResponsesPattern: [item.answer ? 'true' : 'false'] };
    case 'sort':
      return {
        ...base, interactionType: 'matching',
        source: item.statements.map((s) => component(lang, s.id, s.text)),
        target: item.categories.map((c) => component(lang, c.id, c.text)),
        correctResponsesPattern: [item.statements.map((s) => `${s.id}[.]${s.category}`).join('[,]')],
      };
    case 'match':
      return {
        ...base, interactionType: 'matching',
        source: item.sources.map((s) => component(lang, s.id, s.text)),
        target: item.targets.map((t) => component(lang, t.id, t.text)),
        correctResponsesPattern: [item.sources.map((s) => `${s.id}[.]${s.target}`).join('[,]')],
      };
    case 'reflection':
      return { ...base, interactionType: 'long-fill-in' };
    case 'survey':
      return item.scale ? { ...base, interactionType: 'likert', scale: item.scale.map((s) => component(lang, s.id, s.text)) } : { ...base, interactionType: 'long-fill-in' };
  }
}

/** The learner's response in the pattern syntax of the item's interaction type. */
export function responsePattern(item: ScoredItem, response: Response | undefined): string {
  if (!response) return '';
  switch (response.type) {
    case 'single':
      return response.optionId;
    case 'multiple':
      return response.optionIds.join('[,]');
    case 'truefalse':
      return response.value ? 'true' : 'false';
    case 'sort':
      return item.type === 'sort' ? pairs(response.placements, item.statements.map((s) => s.id)) : '';
    case 'match':
      return item.type === 'match' ? pairs(response.placements, item.sources.map((s) => s.id)) : '';
  }
}
