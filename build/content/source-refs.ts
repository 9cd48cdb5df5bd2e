// Source references: how a sentence names the Sources entry it rests on, and the index of those
// entries. In prose and in any quiz or interactive text a reference is [@key], or [@key-one; @key-two];
// an entry of the Sources page ends with {@key}. [@course] marks the course's own facts (its pass mark,
// hours, dates, tests), which need no entry. Prose shows a reference as a small numbered link to the
// entry; quiz and interactive text drops it, since those texts also travel to the LMS.
import type { Lang } from '../../src/content/types.js';
import type { MarkdownSource } from './markdown-source.js';

export const SOURCE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The reference for a fact about the course itself: no Sources entry, nothing shown. */
export const COURSE_KEY = 'course';

/** Anything that opens like a reference, so a misspelt one is reported rather than printed. */
const REFERENCE_LIKE = /\[@[^\]\n]*\]/g;
const REFERENCE_BODY = /^@[a-z0-9]+(?:-[a-z0-9]+)*(?:\s*;\s*@[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
/** `{@key}` at the end of a Sources entry (a list item). */
const ENTRY_MARK = /\s*\{@([^}\s]*)\}\s*$/;

export interface Reference {
  /** The text as written, e.g. `[@adams-2006; @buffel-du-vaure-2017]`. */
  raw: string;
  /** Where it starts in the text. */
  index: number;
  /** The keys, or an empty list if the reference is not well formed. */
  keys: string[];
}

export function referencesIn(text: string): Reference[] {
  return [...text.matchAll(REFERENCE_LIKE)].map((m) => {
    const body = m[0].slice(1, -1).trim();
    const keys = REFERENCE_BODY.test(body) ? body.split(';').map((k) => k.trim().slice(1)) : [];
    return { raw: m[0], index: m.index, keys };
  });
}

/** The text as a reader or an LMS gets it where references are not shown: without them. */
export function withoutReferences(text: string): string {
  return text.replace(/\s*\[@[^\]\n]*\]/g, '');
}

/** The key of a Sources entry line (`- Author. Title. … {@key}`), or null if the line is no entry. */
export function entryKeyOf(text: string): string | null {
  const m = ENTRY_MARK.exec(text);
  return m ? m[1] : null;
}

export const withoutEntryMark = (text: string): string => text.replace(ENTRY_MARK, '');

/** Every `{ en, it }` leaf of quiz and interactive data, references removed. */
export function stripReferences<T>(value: T): T {
  if (typeof value === 'string') return withoutReferences(value) as T;
  if (Array.isArray(value)) return value.map(stripReferences) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripReferences(v)])) as T;
  return value;
}

export interface SourceEntry {
  key: string;
  /** Its number, counted across the Sources page(s) in order: what a reader sees. */
  number: number;
  /** The id of the course-level page that lists it. */
  pageId: string;
  file: string;
  line: number;
}

export type SourceIndex = Map<string, SourceEntry>;

/** The entries, in order, that a language's course-level pages define. */
export function sourceEntries(pages: MarkdownSource[]): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const md of pages) {
    for (const page of md.pages) {
      for (const block of page.blocks) {
        if (block.kind !== 'markdown') continue;
        for (const l of block.lines) {
          const key = /^\s*[-*+]\s/.test(l.text) ? entryKeyOf(l.text) : null;
          if (key !== null) entries.push({ key, number: entries.length + 1, pageId: page.id, file: md.file, line: l.line });
        }
      }
    }
  }
  return entries;
}

export function sourceIndex(pages: MarkdownSource[]): SourceIndex {
  const index: SourceIndex = new Map();
  for (const e of sourceEntries(pages)) if (!index.has(e.key)) index.set(e.key, e);
  return index;
}

/** What prose rendering needs to turn a reference into a link: the index and the link's name. */
export interface ReferenceRendering {
  index: SourceIndex;
  /** The accessible name of the link to entry n ("Source 12"). */
  label: (n: number) => string;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A reference as a reader sees it: small numbered links to its entries, or nothing for [@course]. */
export function referenceHtml(keys: string[], r: ReferenceRendering): string {
  const links = keys
    .filter((k) => k !== COURSE_KEY)
    .map((k) => r.index.get(k))
    .filter((e): e is SourceEntry => e !== undefined)
    .map((e) => `<a href="#src-${e.key}" data-internal data-course-page="${e.pageId}" aria-label="${escapeAttr(r.label(e.number))}">${e.number}</a>`);
  return links.length ? `<sup class="source-ref">${links.join(', ')}</sup>` : '';
}

export const entryAnchor = (key: string) => `src-${key}`;

export type LangIndexes = Record<Lang, SourceIndex>;
