// An answer as a SCORM interaction, in each standard's own formats. SCORM 1.2 is strict about
// responses (single characters 0–9/a–z, 255 characters at most), so option ids map to letters by
// position there; SCORM 2004 takes the ids themselves with its [,] and [.] delimiters.
import type { QuizItem, ScoredItem } from '../content/types';
import type { Response } from './response';
import { scoreItem } from './score';

export type ScormStandard = 'scorm12' | 'scorm2004';

export interface InteractionRecord {
  id: string;
  type: 'choice' | 'true-false' | 'matching' | 'likert' | 'fill-in' | 'long-fill-in';
  learnerResponse: string;
  correctPattern: string | null;
  result: string | null;
  /** The prompt (SCORM 2004 description, at most 250 characters). */
  description: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';
const letter = (index: number) => LETTERS[index] ?? 'z';
const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

function choiceIds(item: ScoredItem & { options: { id: string }[] }, ids: string[], standard: ScormStandard): string {
  if (standard === 'scorm2004') return ids.join('[,]');
  return ids.map((id) => letter(item.options.findIndex((o) => o.id === id))).join(',');
}

function pairs(sources: string[], groups: string[], placements: Record<string, string>, standard: ScormStandard): string {
  const placed = sources.filter((s) => placements[s] !== undefined);
  if (standard === 'scorm2004') return placed.map((s) => `${s}[.]${placements[s]}`).join('[,]');
  return placed.map((s) => `${CHARS[sources.indexOf(s)] ?? 'z'}.${letter(groups.indexOf(placements[s]))}`).join(',');
}

export function toInteraction(item: ScoredItem, response: Response, standard: ScormStandard): InteractionRecord {
  const correct = scoreItem(item, response).correct;
  const base = {
    id: item.id,
    result: correct ? 'correct' : standard === 'scorm12' ? 'wrong' : 'incorrect',
    description: clip(item.prompt, 250),
  };
  switch (item.type) {
    case 'single':
    case 'multiple': {
      const chosen = response.type === 'single' ? [response.optionId] : response.type === 'multiple' ? response.optionIds : [];
      const right = item.options.filter((o) => o.correct).map((o) => o.id);
      return { ...base, type: 'choice', learnerResponse: choiceIds(item, chosen, standard), correctPattern: choiceIds(item, right, standard) };
    }
    case 'truefalse': {
      const tf = (v: boolean) => (standard === 'scorm12' ? (v ? 't' : 'f') : String(v));
      return { ...base, type: 'true-false', learnerResponse: response.type === 'truefalse' ? tf(response.value) : '', correctPattern: tf(item.answer) };
    }
    case 'sort':
    case 'match': {
      const entries = item.type === 'sort' ? item.statements.map((s) => ({ id: s.id, right: s.category })) : item.sources.map((s) => ({ id: s.id, right: s.target }));
      const groups = item.type === 'sort' ? item.categories.map((c) => c.id) : item.targets.map((t) => t.id);
      const sources = entries.map((e) => e.id);
      const placements = response.type === 'sort' || response.type === 'match' ? response.placements : {};
      const rightPlacements = Object.fromEntries(entries.map((e) => [e.id, e.right]));
      return { ...base, type: 'matching', learnerResponse: pairs(sources, groups, placements, standard), correctPattern: pairs(sources, groups, rightPlacements, standard) };
    }
  }
}

/** A reflection, only when the deploying trust opted in: 1.2 fill-in (255), 2004 long-fill-in (4000). */
export function toReflectionInteraction(item: QuizItem, text: string, standard: ScormStandard): InteractionRecord & { truncated: boolean } {
  const max = standard === 'scorm12' ? 255 : 4000;
  const clean = text.replace(/\s+/g, ' ').trim();
  return {
    id: item.id,
    type: standard === 'scorm12' ? 'fill-in' : 'long-fill-in',
    learnerResponse: clean.slice(0, max),
    correctPattern: null,
    result: 'neutral',
    description: clip(item.prompt, 250),
    truncated: clean.length > max,
  };
}

/** A course-evaluation answer: a rating (likert) or a free comment; never scored. */
export function toSurveyInteraction(item: QuizItem, answer: string, standard: ScormStandard): InteractionRecord {
  const rating = item.type === 'survey' && item.scale !== null;
  if (rating) return { id: item.id, type: 'likert', learnerResponse: answer, correctPattern: null, result: 'neutral', description: clip(item.prompt, 250) };
  const r = toReflectionInteraction(item, answer, standard);
  return { id: r.id, type: r.type, learnerResponse: r.learnerResponse, correctPattern: null, result: 'neutral', description: r.description };
}
