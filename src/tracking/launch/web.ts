// The web build: always standalone.
import type { CourseOutline } from '../../content/types';
import type { Tracker } from '../../events/tracker';
import { createStandaloneTracker } from '../standalone/standalone-tracker';
import { webProgressKey } from '../../learner/storage-keys';

export async function launchTracker(outline: CourseOutline): Promise<Tracker> {
  return createStandaloneTracker({ storageKey: webProgressKey(outline), notices: [] });
}
