// Builds the player for one format and language into the dev folder, on demand, one build at a
// time (Vite builds share a process). A content change marks every build stale; the next request
// rebuilds. Content problems are kept as `path:line: message` lines instead of throwing, so the
// preview page can show them and keep the last good build running.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../../src/content/types.js';
import { checkContent } from '../content/check.js';
import { ContentInvalid, formatProblem } from '../content/problems.js';
import { bundle } from '../bundle/vite-build.js';
import type { Format } from '../formats.js';

export type DevFormat = Extract<Format, 'scorm12' | 'scorm2004' | 'cmi5' | 'web'>;
export const DEV_FORMATS: readonly DevFormat[] = ['scorm12', 'scorm2004', 'cmi5', 'web'];

export interface BuildResult {
  format: DevFormat;
  lang: Lang;
  /** Folder holding index.html and assets/ (absent when the content has problems and nothing was built yet). */
  dir: string;
  ok: boolean;
  problems: string[];
  ms: number;
  /** Counts up with every successful build, so the page knows a reload brings something new. */
  version: number;
}

export class DevBuilds {
  private readonly done = new Map<string, BuildResult>();
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;

  constructor(readonly root: string, readonly outDir: string) {
    mkdirSync(outDir, { recursive: true });
  }

  /** Content changed: every build is stale. */
  invalidate(): void {
    this.generation++;
  }

  isLang(lang: string): lang is Lang {
    return (LANGS as readonly string[]).includes(lang);
  }

  /** The current build of format × lang, building it first if it is missing or stale. */
  get(format: DevFormat, lang: Lang): Promise<BuildResult> {
    const key = `${format}-${lang}`;
    const run = this.queue.then(async () => {
      const have = this.done.get(key);
      if (have && (have as BuildResult & { generation?: number }).generation === this.generation) return have;
      const result = await this.build(format, lang, have);
      this.done.set(key, Object.assign(result, { generation: this.generation }));
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async build(format: DevFormat, lang: Lang, previous: BuildResult | undefined): Promise<BuildResult> {
    const t0 = performance.now();
    const dir = join(this.outDir, `${format}-${lang}`);
    const version = (previous?.version ?? 0) + 1;
    try {
      const { loaded, resolved } = checkContent(this.root);
      const lrs = loaded.course.xapi.endpoint ? [new URL(loaded.course.xapi.endpoint).origin] : [];
      // A fresh folder per build: a page still loading the previous build never sees half of the next.
      const target = `${dir}-${version}`;
      rmSync(target, { recursive: true, force: true });
      const connectSrc = format === 'cmi5' ? ['https:', ...lrs] : lrs;
      await bundle({ format, lang, content: resolved.get(lang)!, outDir: target, connectSrc, theme: loaded.course.theme, hasLrs: lrs.length > 0 });
      if (previous?.ok) rmSync(previous.dir, { recursive: true, force: true });
      return { format, lang, dir: target, ok: true, problems: [], ms: Math.round(performance.now() - t0), version };
    } catch (e) {
      const problems = e instanceof ContentInvalid ? e.problems.map((p) => formatProblem(p, this.root)) : [String(e instanceof Error ? e.message : e)];
      // Keep serving the last good build; the page shows the problems above it.
      return { format, lang, dir: previous?.ok ? previous.dir : '', ok: false, problems, ms: Math.round(performance.now() - t0), version: previous?.version ?? 0 };
    }
  }
}
