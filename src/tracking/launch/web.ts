// The web build: always standalone.
import type { CourseOutline } from '../../content/types';
import type { Tracker } from '../../events/tracker';
import { createStandaloneTracker } from '../standalone/standalone-tracker';

export async function launchTracker(outline: CourseOutline): Promise<Tracker> {
  return createStandaloneTracker({ storageKey: `balint:${outline.id}:${outline.lang}`, notices: [] });
}
