// Every piece of learner-facing text in the content files, per language, with the file it came
// from: the prose pages and every { "en", "it" } pair in the JSON. Tests that forbid a claim
// anywhere in the course read this rather than one module's resolved pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Lang } from '../../src/content/types';
import { CONTENT_ROOT } from '../../build/harness/paths';

export interface CourseString { file: string; text: string }

function pairs(value: unknown, lang: Lang, out: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) pairs(v, lang, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.en === 'string' && typeof o[lang] === 'string') out.push(o[lang] as string);
    else for (const v of Object.values(o)) pairs(v, lang, out);
  }
  return out;
}

export function courseStrings(lang: Lang, root = CONTENT_ROOT): CourseString[] {
  const files: string[] = [join(root, 'course', 'ui.json'), join(root, 'course', 'course.json')];
  for (const f of readdirSync(join(root, 'course', lang))) if (f.endsWith('.md')) files.push(join(root, 'course', lang, f));
  for (const slug of readdirSync(join(root, 'modules'))) {
    for (const f of readdirSync(join(root, 'modules', slug))) {
      if (f === `${lang}.md` || f.endsWith('.json')) files.push(join(root, 'modules', slug, f));
    }
  }
  return files.flatMap((path) => {
    const raw = readFileSync(path, 'utf8');
    const file = relative(root, path);
    const texts = path.endsWith('.json') ? pairs(JSON.parse(raw), lang, []) : [raw];
    return texts.map((text) => ({ file, text }));
  });
}
