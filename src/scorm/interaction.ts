// Quiz answers as SCORM interactions, as pure data in each standard's own formats; the SCORM
// dialects only write these fields out. Checked against scorm-again's validators.
//
// SCORM 1.2 (RTE 3.4.2.7) wants single characters 0–9/a–z in choice, matching and likert
// responses, at most 255 characters. Ids that already are one such character (options a, b, c)
// are sent as they are; otherwise an entry's position stands for it: options, categories,
// targets and scale points as a, b, c…, statements and sources as 0, 1, 2…
// SCORM 2004 takes the ids themselves, with its [,] and [.] delimiters.
import type { QuizItem, ScoredItem } from '../content/types';
import type { Response } from '../quiz/response';
import { scoreItem } from '../quiz/score';
import { fitUtf8, toLmsText } from './lms-text';

export type ScormStandard = 'scorm12' | 'scorm2004';
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
  /** The prompt as one line of at most 250 characters (SCORM 2004 description). */
  description: string;
}

/** A free-text interaction, and whether the text had to be cut (so the learner can be told). */
export interface TextInteractionRecord extends InteractionRecord { truncated: boolean }

/** The longest free text each standard takes: 1.2 fill-in (CMIString255), 2004 long-fill-in. */
export const TEXT_LIMIT: Record<ScormStandard, number> = { scorm12: 255, scorm2004: 4000 };
const SCORM12_RESPONSE_LIMIT = 255;
/** SCORM 2004's most entries in a choice or matching response. */
const SCORM2004_MAX_ENTRIES = 36;
const DESCRIPTION_LIMIT = 250;

const GROUP_CODES = 'abcdefghijklmnopqrstuvwxyz';
const ENTRY_CODES = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The SCORM 1.2 code of each id in a list (see the top of this file). A list too long for
 *  one character each keeps its ids: better an over-long code than a lost answer. */
function scorm12Codes(ids: string[], alphabet: string): Map<string, string> {
  if (ids.every((id) => /^[0-9a-z]$/.test(id)) || ids.length > alphabet.length) return new Map(ids.map((id) => [id, id]));
  return new Map(ids.map((id, i) => [id, alphabet[i]]));
}

/** Joins entries, leaving out whole entries past the limit rather than cutting one in half. */
function joinWithin(entries: string[], separator: string, limit: number): string {
  let out = '';
  for (const e of entries) {
    const next = out ? `${out}${separator}${e}` : e;
    if (next.length > limit) break;
    out = next;
  }
  return out;
}

function choicePattern(optionIds: string[], chosen: readonly string[], standard: ScormStandard): string {
  // The item's order, each id once: 2004 refuses a repeated choice.
  const picked = optionIds.filter((id) => chosen.includes(id));
  if (standard === 'scorm2004') return picked.slice(0, SCORM2004_MAX_ENTRIES).join('[,]');
  const codes = scorm12Codes(optionIds, GROUP_CODES);
  return joinWithin(picked.map((id) => codes.get(id)!), ',', SCORM12_RESPONSE_LIMIT);
}

function matchingPattern(entryIds: string[], groupIds: string[], placements: Record<string, string>, standard: ScormStandard): string {
  const placed = entryIds.filter((id) => Object.hasOwn(placements, id) && groupIds.includes(placements[id]));
  if (standard === 'scorm2004') return placed.slice(0, SCORM2004_MAX_ENTRIES).map((id) => `${id}[.]${placements[id]}`).join('[,]');
  const entries = scorm12Codes(entryIds, ENTRY_CODES);
  const groups = scorm12Codes(groupIds, GROUP_CODES);
  return joinWithin(placed.map((id) => `${entries.get(id)}.${groups.get(placements[id])}`), ',', SCORM12_RESPONSE_LIMIT);
}

const trueFalse = (value: boolean, standard: ScormStandard) => (standard === 'scorm12' ? (value ? 't' : 'f') : String(value));

const describe = (item: QuizItem, standard: ScormStandard) =>
  toLmsText(item.prompt, DESCRIPTION_LIMIT, { ellipsis: true, scorm2004: standard === 'scorm2004' }).text;

/** A scored answer as an interaction. A missing response gives an empty learner response
 *  (SCORM 2004 refuses that for choice and matching, so record complete answers only). */
export function toInteraction(item: ScoredItem, response: Response | null | undefined, standard: ScormStandard): InteractionRecord {
  const correct = scoreItem(item, response).correct;
  const base = {
    id: item.id,
    result: correct ? 'correct' : standard === 'scorm12' ? 'wrong' : 'incorrect',
    description: describe(item, standard),
  } as const;
  switch (item.type) {
    case 'single':
    case 'multiple': {
      const optionIds = item.options.map((o) => o.id);
      const chosen = response?.type === 'single' ? [response.optionId] : response?.type === 'multiple' ? response.optionIds : [];
      const right = item.options.filter((o) => o.correct).map((o) => o.id);
      return { ...base, type: 'choice', learnerResponse: choicePattern(optionIds, chosen, standard), correctPattern: choicePattern(optionIds, right, standard) };
    }
    case 'truefalse': {
      const learnerResponse = response?.type === 'truefalse' && typeof response.value === 'boolean' ? trueFalse(response.value, standard) : '';
      return { ...base, type: 'true-false', learnerResponse, correctPattern: trueFalse(item.answer, standard) };
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
      return {
        ...base,
        type: 'matching',
        learnerResponse: matchingPattern(entryIds, groupIds, placements, standard),
        correctPattern: matchingPattern(entryIds, groupIds, right, standard),
      };
    }
  }
}

/** Free text as 1.2 fill-in (255 characters) or 2004 long-fill-in (4000), on one line, and in
 *  at most `maxBytes` bytes of UTF-8 when the LMS gives free text less room (see
 *  src/scorm2004/unload-budget.ts). */
function textInteraction(item: QuizItem, text: string, standard: ScormStandard, maxBytes = Infinity): TextInteractionRecord {
  const line = toLmsText(text, TEXT_LIMIT[standard], { scorm2004: standard === 'scorm2004' });
  const cut = fitUtf8(line.text, maxBytes);
  return {
    id: item.id,
    type: standard === 'scorm12' ? 'fill-in' : 'long-fill-in',
    learnerResponse: cut.text,
    correctPattern: null,
    result: 'neutral',
    description: describe(item, standard),
    truncated: line.truncated || cut.truncated,
  };
}

/** A reflection, sent only where the deploying organisation opted in. `truncated` tells the
 *  player to let the learner know the LMS received a shortened text. */
export function toReflectionInteraction(item: QuizItem, text: string, standard: ScormStandard, maxBytes = Infinity): TextInteractionRecord {
  return textInteraction(item, text, standard, maxBytes);
}

/** A course-evaluation answer: a rating is likert (the scale point), a free comment is text.
 *  Never scored. */
export function toSurveyInteraction(item: QuizItem, answer: string, standard: ScormStandard, maxBytes = Infinity): TextInteractionRecord {
  if (item.type === 'survey' && item.scale) {
    const scaleIds = item.scale.map((s) => s.id);
    const learnerResponse = standard === 'scorm12' ? (scorm12Codes(scaleIds, GROUP_CODES).get(answer) ?? answer) : answer;
    return { id: item.id, type: 'likert', learnerResponse, correctPattern: null, result: 'neutral', description: describe(item, standard), truncated: false };
  }
  return textInteraction(item, answer, standard, maxBytes);
}
