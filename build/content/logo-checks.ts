// The theme's optional logo: a small image file under the content root, described in every
// language, so a trust can brand the course without touching code and without an inaccessible image.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { LANGS } from '../../src/content/types.js';
import type { JsonSource } from './json-source.js';
import type { Problems } from './problems.js';

export const LOGO_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };
/** A logo is a small mark on every page; anything larger costs every learner on a slow network. */
export const LOGO_MAX_BYTES = 50 * 1024;

export function checkLogo(src: JsonSource, root: string, problems: Problems): void {
  const logo = (src.value as { theme?: { logo?: unknown } }).theme?.logo;
  if (logo === undefined) return;
  const at = (...path: string[]) => src.lineOf(['theme', 'logo', ...path]);
  if (!logo || typeof logo !== 'object') return problems.add(src.file, at(), '"logo" must be an object with "file" and "alt"');
  const { file, alt } = logo as { file?: unknown; alt?: unknown };
  if (typeof file !== 'string' || !file || normalize(file).startsWith('..')) {
    problems.add(src.file, at('file'), '"logo.file" must name an image inside the course folder, such as "course/logo.svg"');
  } else if (!LOGO_TYPES[extname(file).toLowerCase()]) {
    problems.add(src.file, at('file'), `logo "${file}" must be ${Object.keys(LOGO_TYPES).join(', ')}`);
  } else if (!existsSync(join(root, file))) {
    problems.add(src.file, at('file'), `logo "${file}" does not exist`);
  } else if (statSync(join(root, file)).size > LOGO_MAX_BYTES) {
    problems.add(src.file, at('file'), `logo "${file}" is ${Math.round(statSync(join(root, file)).size / 1024)} KB; keep it under ${LOGO_MAX_BYTES / 1024} KB`);
  }
  for (const lang of LANGS) {
    const text = (alt as Record<string, unknown> | undefined)?.[lang];
    if (typeof text !== 'string' || !text.trim()) problems.add(src.file, at('alt'), `"logo.alt" needs a description in ${lang} (what the logo shows, for screen readers)`);
  }
}
