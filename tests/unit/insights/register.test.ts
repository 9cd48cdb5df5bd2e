// The CME register and in-progress list, checked by hand on three-learners.jsonl: Alice (en) fails
// at 70 on 1 Nov and passes at 85 on 2 Nov; Bob (it), whose LMS name is a spreadsheet formula,
// passes at 100 on 3 Nov; Carol (en) starts on 4 Nov, reaches module 3 (premises) and leaves.
// One statement about another course in the same file is ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInsights } from '../../../build/insights/run';
import { ROOT } from '../../../build/harness/paths';

const FIXTURE = join(ROOT, 'tests/fixtures/insights/three-learners.jsonl');
let dir: string;
const read = (out: string, f: string) => readFileSync(join(dir, out, f), 'utf8');
const rows = (csv: string) => csv.trim().split('\r\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-register-'));
  await runInsights({ source: { kind: 'statements', paths: [FIXTURE], skipInvalid: false }, out: join(dir, 'out'), contentRoot: ROOT, includeReflections: false });
  await runInsights({ source: { kind: 'statements', paths: [FIXTURE], skipInvalid: false }, out: join(dir, 'with'), contentRoot: ROOT, includeReflections: true });
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('insights from a hand-checked statement file (3 learners, 2 passed)', () => {
  it('lists the two passes with the date and score of the first pass, the best score, language and version; hours need an attestation', () => {
    expect(rows(read('out', 'cme-register.csv'))).toEqual([
      'learner,account,completion_date,time_zone,score,best_score,attested_minutes,hours,certificate_id,language,course_version',
      'Alice Archer,mailto:alice@trust.example.org,2026-11-02,UTC,85,85,,,,en,1.0.0',
      `"'=HYPERLINK(""http://evil.example"",""Bob"")",https://lms.example.org|bob42,2026-11-03,UTC,100,100,,,,it,1.0.0`,
    ]);
  });

  it('puts the learner who started but did not pass in in-progress.csv, with the last module reached', () => {
    expect(rows(read('out', 'in-progress.csv'))).toEqual([
      'learner,account,language,started,last_activity,time_zone,last_module_reached,status,best_score',
      'Carol Chen,mailto:carol@trust.example.org,en,2026-11-04,2026-11-04,UTC,premises,in progress,',
    ]);
  });

  it('counts each learner\'s first answer per item: facility and option shares', () => {
    const items = rows(read('out', 'items.csv'));
    // welcome-pass-mark: Alice a (right), Bob b (wrong), Carol a (right).
    expect(items.find((r) => r.startsWith('welcome-pass-mark,'))).toMatch(/^welcome-pass-mark,welcome,[^,]+,3,0\.667,[^,]*,a: 0\.67; b: 0\.33,/);
    // final-group-web: Alice first answered a (wrong) before her pass; Bob a+b+c (right).
    expect(items.find((r) => r.startsWith('final-group-web,'))).toMatch(/^final-group-web,assessment,[^,]+,2,0\.5,[^,]*,a: 1; b: 0\.5; c: 0\.5,/);
  });

  it('never writes reflective text or free comments, unless asked with --include-reflections', () => {
    for (const f of readdirSync(join(dir, 'out'))) expect(read('out', f), f).not.toMatch(/SECRET/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.insights-output.json', 'cme-register.csv', 'in-progress.csv', 'items.csv', 'report.html']);
    expect(read('with', 'reflections.csv')).toContain('SECRET REFLECTION TEXT about my patient');
    expect(read('with', 'report.html')).toContain('SECRET REFLECTION TEXT about my patient');
  });
});
