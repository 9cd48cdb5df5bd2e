// Quiz answers as SCORM interactions: pure data that a version's dialect writes out. The version's
// own response formats, result words and text fields come in a ResponseFormat (scorm12/responses.ts,
// scorm2004/responses.ts); this file only knows which parts of an item each format needs.
import type { QuizItem, ScoredItem } from '../content/types';
import type { Response } from '../quiz/response';
import { scoreItem } from '../quiz/score';
import { fitUtf8, type LmsText } from './lms-text';

export type InteractionType = 'choice' | 'true-false' | 'matching' | 'likert' | 'fill-in' | 'long-fill-in';
/** 'wrong' is SCORM 1.2's word, 'incorrect' SCORM 2004's; 'neutral' for what is never scored. */
export type InteractionResult = 'correct' | 'wrong' | 'incorrect' | 'neutral';

export interface InteractionRecord {
  id: string;
  type: InteractionType;
  /** 1.2 student_response, 2004 learner_response. */
  learnerResponse: string;
  /** correct_responses.0.pattern; null when the interaction has no right answer. */
  correctPattern: string | null;
  result: InteractionResult | null;
  /** The prompt as one line of at most DESCRIPTION_LIMIT characters (SCORM 2004 description). */
  description: string;
}

/** A free-text interaction, and whether the text had to be cut (so the learner can be told). */
export interface TextInteractionRecord extends InteractionRecord { truncated: boolean }

/** How one SCORM version writes responses. */
export interface ResponseFormat {
  wrong: 'wrong' | 'incorrect';
  choice(optionIds: string[], chosen: readonly string[]): string;
  matching(entryIds: string[], groupIds: string[], placements: Record<string, string>): string;
  trueFalse(value: boolean): string;
  likert(scaleIds: string[], answer: string): string;
  /** The free-text field: its type and the most characters it takes. */
  text: { type: 'fill-in' | 'long-fill-in'; limit: number };
  /** Text made fit for a field of the version: one line, at most `max` characters. */
  lmsText(raw: string, max: number, ellipsis?: boolean): LmsText;
}

/** SCORM 2004 description: localized_string_type(250). */
export const DESCRIPTION_LIMIT = 250;

/** Joins entries, leaving out whole entries past the limit rather than cutting one in half. */
export function joinWithin(entries: string[], separator: string, limit: number): string {
  let out = '';
  for (const e of entries) {
    const next = out ? `${out}${separator}${e}` : e;
    if (next.length > limit) break;
    out = next;
  }
  return out;
}

const describe = (item: QuizItem, f: ResponseFormat) => f.lmsText(item.prompt, DESCRIPTION_LIMIT, true).text;

/** A scored answer as an interaction. A missing response gives an empty learner response
 *  (SCORM 2004 refuses that for choice and matching, so record complete answers only). */
export function toInteraction(item: ScoredItem, response: Response | null | undefined, f: ResponseFormat): InteractionRecord {
  const correct = scoreItem(item, response).correct;
  const base = { id: item.id, result: correct ? 'correct' : f.wrong, description: describe(item, f) } as const;
  switch (item.type) {
    case 'single':
    case 'multiple': {
      const optionIds = item.options.map((o) => o.id);
      const chosen = response?.type === 'single' ? [response.optionId] : response?.type === 'multiple' ? response.optionIds : [];
      const right = item.options.filter((o) => o.correct).map((o) => o.id);
      return { ...base, type: 'choice', learnerResponse: f.choice(optionIds, chosen), correctPattern: f.choice(optionIds, right) };
    }
    case 'truefalse': {
      const learnerResponse = response?.type === 'truefalse' && typeof response.value === 'boolean' ? f.trueFalse(response.value) : '';
      return { ...base, type: 'true-false', learnerResponse, correctPattern: f.trueFalse(item.answer) };
    }
    case 'sort':
    case 'match': {
      const entries = item.type === 'sort'
        ? item.statements.map((s) => ({ id: s.id, right: s.category }))
        : item.sources.map((s) => ({ id: s.id, right: s.target }));
      const entryIds = entries.map((e) => e.id);
      const groupIds = item.type === 'sort' ? item.categories.map((c) => c.id) : item.targets.map((t) => t.id);
      const placements = response?.type === 'sort' || response?.type === 'match' ? response.placements ?? {} : {};
      const right = Object.fromEntries(entries.map((e) => [e.id, e.right]));
      return { ...base, type: 'matching', learnerResponse: f.matching(entryIds, groupIds, placements), correctPattern: f.matching(entryIds, groupIds, right) };
    }
  }
}

/** Free text in the version's text field, on one line, and in at most `maxBytes` bytes of UTF-8
 *  when the LMS gives free text less room (scorm2004/unload-budget.ts). */
function textInteraction(item: QuizItem, text: string, f: ResponseFormat, maxBytes: number): TextInteractionRecord {
  const line = f.lmsText(text, f.text.limit);
  const cut = fitUtf8(line.text, maxBytes);
  return {
    id: item.id, type: f.text.type, learnerResponse: cut.text, correctPattern: null, result: 'neutral',
    description: describe(item, f), truncated: line.truncated || cut.truncated,
  };
}

/** A reflection, sent only where the deploying organisation opted in. `truncated` tells the
 *  player to let the learner know the LMS received a shortened text. */
export function toReflectionInteraction(item: QuizItem, text: string, f: ResponseFormat, maxBytes = Infinity): TextInteractionRecord {
  return textInteraction(item, text, f, maxBytes);
}

/** A course-evaluation answer: a rating is likert (the scale point), a free comment is text.
 *  Never scored. */
export function toSurveyInteraction(item: QuizItem, answer: string, f: ResponseFormat, maxBytes = Infinity): TextInteractionRecord {
  if (item.type === 'survey' && item.scale) {
    return { id: item.id, type: 'likert', learnerResponse: f.likert(item.scale.map((s) => s.id), answer), correctPattern: null, result: 'neutral', description: describe(item, f), truncated: false };
  }
  return textInteraction(item, answer, f, maxBytes);
}
