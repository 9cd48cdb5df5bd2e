// The items whose answers a SCORM package records as interactions, in course order: the final
// assessment's, the evaluation's, and the reflections when the deploying trust shares them. A module's
// knowledge checks are recorded as that module's objective (its score and status) instead.
import { isScoredType, type ModuleOutline } from '../content/types';

export function recordedItems(modules: readonly Pick<ModuleOutline, 'assessment' | 'items'>[], reflectionsShared: boolean): string[] {
  return modules.flatMap((m) =>
    m.items.filter((i) => (m.assessment && isScoredType(i.type)) || i.type === 'survey' || (i.type === 'reflection' && reflectionsShared)).map((i) => i.id));
}
