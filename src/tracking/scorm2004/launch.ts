// Launch for the scorm2004 package. Until its adapter lands, the course runs standalone and says so.
import type { CourseOutline } from '../../content/types';
import type { Tracker } from '../tracker';
import { createStandaloneTracker } from '../standalone/standalone-tracker';

export async function launchTracker(outline: CourseOutline): Promise<Tracker> {
  return createStandaloneTracker({ storageKey: `balint:${outline.id}:${outline.lang}:scorm2004`, notices: ['notice.noLms'] });
}
