// The command line: `check` validates the content; `build` also writes every package.
// Content problems print as `path:line: message` and exit 1.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContentInvalid, formatProblem } from './content/problems.js';
import { checkContent } from './content/check.js';
import { courseMinutes } from './content/time-estimate.js';
import { bundle } from './bundle/vite-build.js';
import { FORMATS } from './formats.js';
import { writePackage } from './package.js';
import { warnAboutXapiCredentials } from './xapi-credentials.js';

const ROOT = resolve(import.meta.dirname, '..');
// Packages are always production builds, even when a test runner (NODE_ENV=test) starts the build.
process.env.NODE_ENV = 'production';

async function build(root: string, dist: string): Promise<void> {
  const started = performance.now();
  const { loaded, resolved } = checkContent(root);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  warnAboutXapiCredentials(loaded.course);
  const lrs = loaded.course.xapi.endpoint ? [new URL(loaded.course.xapi.endpoint).origin] : [];
  for (const lang of loaded.course.languages) {
    for (const format of FORMATS) {
      const t0 = performance.now();
      const stage = join(dist, '.stage', `${format}-${lang}`);
      // cmi5 and Tin Can learn their LRS from the launch URL, so any https LRS must be reachable.
      const connectSrc = format === 'cmi5' || format === 'xapi' ? ['https:', ...lrs] : lrs;
      await bundle({ format, lang, content: resolved.get(lang)!, outDir: stage, connectSrc, theme: loaded.course.theme, hasLrs: lrs.length > 0 });
      const result = writePackage(loaded.course, lang, format, stage, dist);
      const ms = Math.round(performance.now() - t0);
      console.log(`${result.path.replace(dist + '/', 'dist/').padEnd(52)} ${(result.bytes / 1024).toFixed(1).padStart(7)} KB  ${String(result.files).padStart(3)} files  ${ms} ms`);
    }
  }
  rmSync(join(dist, '.stage'), { recursive: true, force: true });
  console.log(`Built ${loaded.course.languages.length * FORMATS.length} packages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const [command = 'build', rootArg, distArg] = process.argv.slice(2);
  const root = rootArg ? resolve(rootArg) : ROOT;
  const dist = distArg ? resolve(distArg) : join(root, 'dist');
  try {
    if (command === 'check') {
      const t0 = performance.now();
      const { resolved } = checkContent(root);
      const en = resolved.get('en')!;
      const minutes = [...resolved].map(([lang, r]) => `${lang} ${Math.round(courseMinutes(r.modules).total)}`).join(', ');
      console.log(`Content OK: ${en.modules.length} modules, ${en.modules.reduce((n, m) => n + m.items.length, 0)} quiz items, about ${minutes} minutes of learning, checked in ${Math.round(performance.now() - t0)} ms`);
    } else if (command === 'build') {
      await build(root, dist);
    } else {
      console.error(`unknown command "${command}"; use "build" or "check"`);
      process.exitCode = 2;
    }
  } catch (e) {
    if (e instanceof ContentInvalid) {
      for (const p of e.problems) console.error(formatProblem(p, root));
      console.error(`\n${e.problems.length} problem(s) in the course content; nothing was built.`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}

await main();
