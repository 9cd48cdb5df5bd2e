// Statements of the other two xAPI-speaking packages, from real runs read back from the real LRS:
// - cmi5 in ADL's CATAPULT: the LMS gives the AU its own id, so initialized, passed and terminated
//   are about CATAPULT's activity; the tool finds the course through the context's grouping;
// - SCORM 1.2 in Moodle with the course's LRS connection on (SCORM with xAPI): learners are LMS
//   accounts without a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInsights } from '../../../build/insights/run';
import { ROOT } from '../../../build/harness/paths';

let dir: string;
const lines = (out: string, f: string) => readFileSync(join(dir, out, f), 'utf8').trim().split('\r\n');
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-flavours-'));
  for (const name of ['cmi5', 'scorm-xapi']) {
    await runInsights({ source: { kind: 'statements', paths: [join(ROOT, `tests/fixtures/insights/${name}-statements.jsonl`)], skipInvalid: false }, out: join(dir, name), contentRoot: ROOT, includeReflections: false });
  }
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('insights from cmi5 and SCORM-with-xAPI statements', () => {
  it('registers the cmi5 pass recorded against the LMS\'s own AU id', () => {
    expect(lines('cmi5', 'cme-register.csv').slice(1)).toEqual(['Test Learner,https://example.invalid|learner-15f2db5b,2026-12-03,UTC,93,93,,,,it,1.0.0']);
    expect(lines('cmi5', 'in-progress.csv')).toHaveLength(1);
  });

  it('registers the SCORM-with-xAPI pass under the Moodle account, with every answer in the item analysis', () => {
    expect(lines('scorm-xapi', 'cme-register.csv').slice(1)).toEqual(['student,http://127.0.0.1:8765|student,2026-12-03,UTC,93,93,,,,en,1.0.0']);
    // 72 answers: every module quiz and the 28 assessment items, each answered once.
    expect(lines('scorm-xapi', 'items.csv').slice(1).reduce((n, r) => n + Number(r.split(',')[3]), 0)).toBe(72);
  });
});
