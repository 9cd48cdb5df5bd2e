// The longest state a course can produce: the build fails when it would not fit SCORM 1.2's 4096
// characters of suspend_data.
import type { ItemOutline } from '../content/types';
import type { Response } from '../quiz/response';
import type { CourseShape } from './course-shape';
import { emptyState, STATE_LIMITS, type LearnerState } from './learner-state';
import { encodeState, isRating } from './state-codec';

/** The fullest answer an item can hold; every answer of a type takes the same room. */
function fullestResponse(item: ItemOutline): Response | null {
  const lastGroup = item.groupIds[item.groupIds.length - 1];
  switch (item.type) {
    case 'single':
      return item.choiceIds.length ? { type: 'single', optionId: item.choiceIds[item.choiceIds.length - 1] } : null;
    case 'multiple':
      return { type: 'multiple', optionIds: [...item.choiceIds] };
    case 'truefalse':
      return { type: 'truefalse', value: true };
    case 'sort':
    case 'match':
      return { type: item.type, placements: Object.fromEntries(item.choiceIds.map((id) => [id, lastGroup])) };
    default:
      return null;
  }
}

/** The longest state this course can produce: every page seen, every scored item answered both
 *  in its module and in the assessment, every rating given, every number at its limit. */
export function worstCaseState(shape: CourseShape): LearnerState {
  const state = emptyState(shape, STATE_LIMITS.seed);
  state.bookmark = Math.max(0, shape.pageIds.length - 1);
  state.visited = shape.pageIds.map(() => true);
  for (const item of shape.items) {
    const response = fullestResponse(item);
    if (response) {
      state.answers[item.id] = { response, correct: true, tries: STATE_LIMITS.tries };
      state.assessment.responses[item.id] = response;
    }
    if (isRating(item)) state.survey[item.id] = item.choiceIds[item.choiceIds.length - 1];
  }
  state.assessment.attempt = STATE_LIMITS.attempt;
  state.assessment.submitted = true;
  state.assessment.lastScore = 100;
  state.attestedMinutes = STATE_LIMITS.attestedMinutes;
  state.completed = true;
  state.passed = true;
  state.score = 100;
  state.completedOn = STATE_LIMITS.completedOn;
  state.elapsedSeconds = STATE_LIMITS.elapsedSeconds;
  return state;
}

/** The length of worstCaseState's encoding: no learner of this course can save more. The build
 *  fails when it passes SCORM 1.2's 4096. */
export function worstCaseEncodedLength(shape: CourseShape): number {
  return encodeState(worstCaseState(shape), shape).length;
}
