// The same validation `npm run check` and `npm run build` run (build/cli.ts), importable without
// starting the CLI: load, resolve every language, check. Throws ContentInvalid with the problems.
import { LANGS } from '../../src/content/types.js';
import { loadCourse } from '../content/load.js';
import { resolveCourse, type ResolvedCourse } from '../content/resolve.js';
import { ContentInvalid } from '../content/problems.js';
import { checkResolved } from '../content/course-checks.js';

export function checkContent(root: string): { resolved: Map<string, ResolvedCourse>; loaded: ReturnType<typeof loadCourse> } {
  const loaded = loadCourse(root);
  const resolved = new Map(LANGS.map((lang) => [lang, resolveCourse(loaded, lang)] as const));
  const problems = checkResolved(loaded, resolved);
  if (problems.length) throw new ContentInvalid(problems);
  return { loaded, resolved };
}
