// The insights tool knows modules only from the content: which one holds the final assessment (its
// pages place the assessment) and which teach by myth or fact (a card set with verdicts). A copy of
// the course with both modules renamed reports exactly as the course does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../../build/harness/paths';
import { itemIdOf, loadCourseModel } from '../../../build/insights/course-model';
import { runInsights } from '../../../build/insights/run';

const M = join(ROOT, 'tests/fixtures/insights/moodle');
let dir: string;
let copy: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'insights-model-'));
  copy = join(dir, 'content');
  for (const f of ['course', 'modules']) cpSync(join(ROOT, f), join(copy, f), { recursive: true });
  renameSync(join(copy, 'modules/assessment'), join(copy, 'modules/final-exam'));
  renameSync(join(copy, 'modules/misconceptions'), join(copy, 'modules/myths-and-facts'));
  const course = join(copy, 'course/course.json');
  writeFileSync(course, readFileSync(course, 'utf8').replace('"assessment"', '"final-exam"').replace('"misconceptions"', '"myths-and-facts"'));
  const quiz = join(copy, 'modules/final-exam/quiz.json');
  writeFileSync(quiz, readFileSync(quiz, 'utf8').replaceAll('"misconceptions/', '"myths-and-facts/'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what the insights tool knows of the course', () => {
  it('finds the assessment and the myth-or-fact module from the content, whatever they are called', () => {
    for (const [root, assessment, myths] of [[ROOT, 'assessment', 'misconceptions'], [copy, 'final-exam', 'myths-and-facts']]) {
      const course = loadCourseModel(root);
      expect(course.assessment).toBe(assessment);
      expect(course.modules.filter((m) => m.mythOrFact).map((m) => m.slug)).toEqual([myths]);
    }
  });

  it('names an item by its id or by the URN a SCORM 2004 package gives it', () => {
    const course = loadCourseModel(ROOT);
    expect(itemIdOf('final-premises-collusion', course)).toBe('final-premises-collusion');
    expect(itemIdOf('urn:balintmethod:final%2Dpremises%2Dcollusion', course)).toBe('final-premises-collusion');
  });

  it('tells a failed assessment from Moodle\'s reports of the renamed course', async () => {
    const out = join(dir, 'out');
    await runInsights({ source: { kind: 'moodle', interactions: [join(M, 'scorm12-it-fail-interactions.csv')], basics: [join(M, 'scorm12-it-fail-basic.csv')] }, out, contentRoot: copy, includeReflections: false });
    expect(readFileSync(join(out, 'in-progress.csv'), 'utf8').split('\r\n')[1]).toBe('Bruno Conti,bruno.conti@example.invalid,it,2026-12-03,2026-12-03,UTC,final-exam,failed,50');
  });
});
