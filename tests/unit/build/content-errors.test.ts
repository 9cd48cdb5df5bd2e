// Each folder in tests/fixtures/content/errors holds the files that break the valid fixture
// course in one way, and expected.txt: the `path:line: message` the author must see.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent } from '../../../build/content/check';
import { ContentInvalid, formatProblem } from '../../../build/content/problems';
import { ROOT } from '../../../build/harness/paths';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'content');
const cases = readdirSync(join(FIXTURES, 'errors')).sort();

function brokenCourse(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `content-${name}-`));
  cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
  cpSync(join(FIXTURES, 'errors', name, 'files'), dir, { recursive: true });
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    checkContent(dir);
    return [];
  } catch (e) {
    if (e instanceof ContentInvalid) return e.problems.map((p) => formatProblem(p, dir));
    throw e;
  }
}

describe('course content validation', () => {
  it('accepts the valid fixture course', () => {
    expect(problemsOf(join(FIXTURES, 'valid'))).toEqual([]);
  });

  it('accepts the real course', () => {
    expect(problemsOf(ROOT)).toEqual([]);
  });

  it.each(cases)('reports %s with its file and line', (name) => {
    const expected = readFileSync(join(FIXTURES, 'errors', name, 'expected.txt'), 'utf8').trim().split('\n');
    const dir = brokenCourse(name);
    try {
      const problems = problemsOf(dir);
      for (const line of expected) expect(problems.some((p) => p.startsWith(line)), `expected "${line}" in:\n${problems.join('\n')}`).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the command line check with exit code 1 and path:line output', () => {
    const dir = brokenCourse('broken-link');
    try {
      let status = 0;
      let stderr = '';
      try {
        execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'build', 'cli.ts'), 'check', dir], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        const err = e as { status: number; stderr: string };
        status = err.status;
        stderr = err.stderr;
      }
      expect(status).toBe(1);
      expect(stderr).toMatch(/^modules\/beta\/it\.md:14: broken link/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
