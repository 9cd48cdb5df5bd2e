// Moodle's own CSV exports (Interactions and Basic reports, real runs of the SCORM 1.2 zip) give
// the same three outputs as an LRS: en pass, it fail, en unfinished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInsights } from '../../../build/insights/run';
import { insightsMain } from '../../../build/insights/main';
import { ROOT } from '../../../build/harness/paths';
import { scorm2004Id } from '../../../src/scorm2004/identifiers';

const M = join(ROOT, 'tests/fixtures/insights/moodle');
const runs = ['en-pass', 'it-fail', 'en-unfinished'];
let dir: string;
const read = (f: string, out = 'out') => readFileSync(join(dir, out, f), 'utf8');

/** A copy of an Interactions report whose questions are named as a SCORM 2004 package names its
 *  interactions (src/scorm2004/identifiers.ts). */
function withUrnIds(file: string): string {
  const [head, ...rows] = readFileSync(file, 'utf8').split('\n');
  const questions = head.split('\t').flatMap((h, i) => (/^"?Question \d+"?$/.test(h) ? [i] : []));
  const copy = join(dir, `urn-${file.split('/').at(-1)}`);
  writeFileSync(copy, [head, ...rows.map((r) => r.split('\t').map((c, i) => (questions.includes(i) && c !== '' ? scorm2004Id('balint-method', c) : c)).join('\t'))].join('\n'));
  return copy;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-moodle-'));
  await runInsights({
    source: { kind: 'moodle', interactions: runs.map((r) => join(M, `scorm12-${r}-interactions.csv`)), basics: runs.map((r) => join(M, `scorm12-${r}-basic.csv`)) },
    out: join(dir, 'out'), contentRoot: ROOT, includeReflections: false,
  });
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('insights from Moodle\'s SCORM reports', () => {
  it('registers the pass with Moodle\'s score, and lists the fail and the unfinished attempt with the furthest module', () => {
    expect(read('cme-register.csv').split('\r\n')[1]).toBe('Ada Rossi,ada.rossi@example.invalid,2026-12-03,UTC,93,93,,,,en,1.0.0');
    const rows = read('in-progress.csv').trim().split('\r\n').slice(1);
    expect(rows).toContain('Bruno Conti,bruno.conti@example.invalid,it,2026-12-03,2026-12-03,UTC,assessment,failed,50');
    // The unfinished learner answered the quizzes of modules 1 and 2; Moodle's reports hold answers, not pages.
    // Their name and address are spreadsheet formulas: both come out as text.
    expect(rows).toContain(`"'=HYPERLINK(""http://evil.example"",""Eve"")",'+eve@example.invalid,en,2026-12-03,2026-12-03,UTC,origins,in progress,`);
  });

  it('analyses every scored item answered, and leaves out the evaluation\'s free comment', () => {
    const items = read('items.csv').trim().split('\r\n');
    // 63 scored items in the quizzes and assessment, minus those only the unfinished learner skipped: all answered at least once.
    expect(items.length - 1).toBeGreaterThan(60);
    expect(items.find((r) => r.startsWith('welcome-pass-mark,'))).toMatch(/,3,/);
    for (const f of readdirSync(join(dir, 'out'))) expect(read(f)).not.toContain('PRIVATE-COMMENT');
    expect(read('report.html')).toContain('Course evaluation');
  });

  it('reads a SCORM 2004 activity\'s reports too: Moodle 4.3 lists no answers for 2004, so only the register and funnel come from it', async () => {
    const out = join(dir, 'scorm2004');
    await runInsights({ source: { kind: 'moodle', interactions: [join(M, 'scorm2004-it-pass-interactions.csv')], basics: [join(M, 'scorm2004-it-pass-basic.csv')] }, out, contentRoot: ROOT, includeReflections: false });
    expect(readFileSync(join(out, 'cme-register.csv'), 'utf8').split('\r\n')[1]).toBe('Bianca Sala,bianca.sala@example.invalid,2026-12-03,UTC,93,93,,,,it,1.0.0');
    expect(readFileSync(join(out, 'items.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
  });

  it('reads interaction ids as SCORM 2004 names them (urn:balintmethod:<item, percent-encoded>) as well as bare item ids', async () => {
    const [first, ...rest] = runs.map((r) => join(M, `scorm12-${r}-interactions.csv`));
    const urn = withUrnIds(first);
    expect(readFileSync(urn, 'utf8')).toContain('\turn:balintmethod:welcome%2Dpass%2Dmark\t');
    await runInsights({ source: { kind: 'moodle', interactions: [urn, ...rest], basics: runs.map((r) => join(M, `scorm12-${r}-basic.csv`)) }, out: join(dir, 'urn'), contentRoot: ROOT, includeReflections: false });
    for (const f of ['cme-register.csv', 'in-progress.csv', 'items.csv']) expect(read(f, 'urn'), f).toBe(read(f));
  });

  it('reads Moodle\'s zoneless times in the zone --tz names, and says so; without --tz, warns once and says UTC', async () => {
    const args = (out: string) => [...runs.flatMap((r) => ['--moodle-report', join(M, `scorm12-${r}-interactions.csv`), '--moodle-basic', join(M, `scorm12-${r}-basic.csv`)]), '--out', join(dir, out)];
    let stderr = '';
    const io = { out: () => {}, err: (l: string) => (stderr += `${l}\n`) };
    expect(await insightsMain(args('no-tz'), io)).toBe(0);
    expect(stderr.match(/without a time zone/g)).toHaveLength(1);
    expect(read('report.html', 'no-tz')).toContain('their times were read as UTC');
    stderr = '';
    expect(await insightsMain([...args('london'), '--tz', 'Europe/London'], io)).toBe(0);
    expect(stderr).toBe('');
    expect(read('cme-register.csv', 'london').split('\r\n')[1]).toBe('Ada Rossi,ada.rossi@example.invalid,2026-12-03,Europe/London,93,93,,,,en,1.0.0');
    expect(read('report.html', 'london')).toContain('Dates are days in Europe/London');
  });
});
