// A real cmi5 run (the cmi5 zip in ADL's CATAPULT, statements read back from the real LRS): the
// LMS gives the AU its own id, so initialized, passed and terminated are about CATAPULT's
// activity, not the course's IRI. The tool still finds them through the context's grouping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInsights } from '../../../build/insights/run';
import { ROOT } from '../../support/paths';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-cmi5-'));
  await runInsights({ source: { kind: 'statements', file: join(ROOT, 'tests/fixtures/insights/cmi5-statements.jsonl') }, out: join(dir, 'out'), contentRoot: ROOT, includeReflections: false });
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('insights from a cmi5 run in CATAPULT', () => {
  it('registers the pass recorded against the LMS\'s own AU id', () => {
    const register = readFileSync(join(dir, 'out', 'cme-register.csv'), 'utf8').trim().split('\r\n');
    expect(register.slice(1)).toEqual(['Test Learner,https://example.invalid|learner-15f2db5b,2026-12-03,93,,,,it,1.0.0']);
    expect(readFileSync(join(dir, 'out', 'in-progress.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
  });
});
