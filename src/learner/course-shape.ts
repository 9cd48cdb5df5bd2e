// What the state codec needs of the course: the order of pages and items, each item's choices, and
// short hashes that tell a state of another course, or of another version of this one, apart.
import type { CourseData, CourseOutline, ItemOutline, QuizItem } from '../content/types';
import { itemOutline } from '../content/item-outline';
import { hashChars } from './hash';

export const KEY_LENGTH = 4;
export const FINGERPRINT_LENGTH = 6;

/** What the codec needs of the course: the order of pages and items, and each item's choices.
 *  Built once per launch with courseShapeOf. */
export interface CourseShape {
  /** Short hash of the course id: tells a state of another course apart. */
  courseKey: string;
  /** Short hash of the page ids and of each item's id, type and choice ids: a state saved
   *  under another version of the course does not fit this one. */
  fingerprint: string;
  pageIds: string[];
  /** Every quiz item of every module, in course order (choiceIds: options, statements, sources
   *  or scale points; groupIds: categories or targets). */
  items: ItemOutline[];
}

type CourseLike = Pick<CourseData, 'id' | 'modules'> | Pick<CourseOutline, 'id' | 'modules'>;

/** The outline of an item, whether the course came as full content or as the first-page outline. */
function outlineOf(item: QuizItem | ItemOutline): ItemOutline {
  if ('choiceIds' in item) return { id: item.id, type: item.type, choiceIds: [...item.choiceIds], groupIds: [...item.groupIds] };
  return itemOutline(item);
}

/** The same shape from full course content or from the outline, in either language. */
export function courseShapeOf(course: CourseLike): CourseShape {
  const modules = course.modules as readonly { pages: readonly { id: string }[]; items: readonly (QuizItem | ItemOutline)[] }[];
  const pageIds = modules.flatMap((m) => m.pages.map((p) => p.id));
  const items = modules.flatMap((m) => m.items.map(outlineOf));
  const description = `p:${pageIds.join(',')};${items.map((i) => `i:${i.id}:${i.type}:${i.choiceIds.join(',')}:${i.groupIds.join(',')}`).join(';')}`;
  return { courseKey: hashChars(`course:${course.id}`, KEY_LENGTH), fingerprint: hashChars(description, FINGERPRINT_LENGTH), pageIds, items };
}

