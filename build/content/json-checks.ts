// Small checks shared by the quiz and interactive validators: each reports at the line of
// the value it looked at.
import type { JsonPath, JsonSource } from './json-source.js';
import type { Problems } from './problems.js';
import { ID_PATTERN } from './markdown-source.js';
import { LANG_NAMES, type Lang } from '../../src/content/types.js';

/** A language as messages to authors name it: "English (en)". */
export const langLabel = (lang: string): string => (lang in LANG_NAMES ? `${LANG_NAMES[lang as Lang]} (${lang})` : lang);

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export class JsonChecker {
  constructor(readonly src: JsonSource, readonly problems: Problems, readonly langs: readonly string[]) {}

  report(path: JsonPath, message: string): void {
    this.problems.add(this.src.file, this.src.lineOf(path), message);
  }

  /** Every object that names a language must name all of them, each non-empty. */
  checkAllLocalised(value: unknown = this.src.value, path: JsonPath = []): void {
    if (Array.isArray(value)) return value.forEach((v, i) => this.checkAllLocalised(v, [...path, i]));
    if (!isObj(value)) return;
    if (this.langs.some((l) => l in value)) {
      for (const lang of this.langs) {
        const text = value[lang];
        if (!(lang in value)) this.report(path, `missing ${langLabel(lang)} text`);
        else if (typeof text !== 'string' || text.trim() === '') this.report([...path, lang], `empty ${langLabel(lang)} text`);
      }
      return;
    }
    for (const [k, v] of Object.entries(value)) this.checkAllLocalised(v, [...path, k]);
  }

  localised(obj: Obj, key: string, path: JsonPath, what = key): boolean {
    const v = obj[key];
    if (v === undefined) {
      this.report(path, `missing "${key}" (${what}, with text per language)`);
      return false;
    }
    if (!isObj(v) || !this.langs.some((l) => l in v)) {
      this.report([...path, key], `"${key}" must give text per language, like { "en": "…", "it": "…" }`);
      return false;
    }
    return true;
  }

  id(obj: Obj, path: JsonPath, what: string): string | null {
    const id = obj.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      this.report([...path, 'id'], `${what} needs an "id" of lower-case letters, digits and hyphens (no spaces)`);
      return null;
    }
    return id;
  }

  array(obj: Obj, key: string, path: JsonPath, min: number): Obj[] {
    const v = obj[key];
    if (!Array.isArray(v) || v.length < min) {
      this.report(v === undefined ? path : [...path, key], `"${key}" must be a list of at least ${min}`);
      return [];
    }
    return v.map((entry, i) => {
      if (!isObj(entry)) this.report([...path, key, i], `each entry of "${key}" must be an object`);
      return isObj(entry) ? entry : {};
    });
  }

  /** Ids unique within one list (options of one item, cards of one component). */
  uniqueIds(entries: Obj[], path: JsonPath, key: string, what: string): Set<string> {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      const id = this.id(e, [...path, key, i], what);
      if (id === null) return;
      if (seen.has(id)) this.report([...path, key, i, 'id'], `duplicate ${what} id "${id}"`);
      seen.add(id);
    });
    return seen;
  }
}
