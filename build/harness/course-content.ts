// The course as the build resolves it, so tests know every page, item and right answer.
import { loadCourse } from '../content/load';
import { resolveCourse, type ResolvedCourse } from '../content/resolve';
import type { Lang } from '../../src/content/types';
import { CONTENT_ROOT } from './paths';

const cache = new Map<string, ResolvedCourse>();

export function courseContent(lang: Lang, root = CONTENT_ROOT): ResolvedCourse {
  const key = `${root}|${lang}`;
  if (!cache.has(key)) cache.set(key, resolveCourse(loadCourse(root), lang));
  return cache.get(key)!;
}
