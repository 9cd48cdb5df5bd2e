// Every interface string the player asks for exists in every language, so no learner ever sees
// a raw key or English in the Italian build.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../build/harness/paths';

type Texts = string | Record<string, string>;
const ui = JSON.parse(readFileSync(join(ROOT, 'course', 'ui.json'), 'utf8')) as Record<string, Record<string, Texts>>;
/** Every text of one language: the string, or each plural form of a counted string. */
const textsOf = (t: Texts | undefined): string[] => (t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(svelte|ts)$/.test(name) ? [p] : [];
  });
}

const KEY_LITERAL = /\bt\(\s*'([a-zA-Z0-9_.-]+)'\s*[,)]|key:\s*'((?:notice|xapi)\.[a-zA-Z0-9_.-]+)'|'(notice\.[a-zA-Z0-9_.-]+)'/g;
const used = new Set<string>();
for (const file of sourceFiles(join(ROOT, 'src'))) {
  for (const m of readFileSync(file, 'utf8').matchAll(KEY_LITERAL)) used.add(m[1] ?? m[2] ?? m[3]);
}
// Keys built at run time from a known set of values.
for (const s of ['scorm12', 'scorm2004', 'cmi5', 'xapi', 'standalone']) used.add(`mode.${s}`);
for (const r of ['corrupt', 'old-version', 'other-course']) used.add(`notice.state.${r}`);

describe('interface strings', () => {
  it('finds the keys the player uses', () => {
    expect(used.size).toBeGreaterThan(40);
  });

  it.each([...used].sort())('"%s" has English and Italian text', (key) => {
    expect(ui[key], `course/ui.json has no "${key}"`).toBeDefined();
    for (const lang of ['en', 'it']) {
      expect(textsOf(ui[key][lang]).length, `${key} ${lang}`).toBeGreaterThan(0);
      for (const text of textsOf(ui[key][lang])) expect(text.trim(), `${key} ${lang}`).toBeTruthy();
    }
  });

  it('keeps placeholders the same in both languages', () => {
    // Every form of a counted string shows the same values (the number itself included).
    for (const [key, text] of Object.entries(ui)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const english = names(textsOf(text.en)[0]);
      for (const t of [...textsOf(text.en), ...textsOf(text.it)]) expect(names(t), key).toEqual(english);
    }
  });
});
