// The register and in-progress list on an export whose answer is known: every row must be the one
// the learners' stories give (build/insights/ground-truth.ts, from the xAPI specification and the
// course's own statements), whatever the machine's time zone. The export is a folder of daily
// files, gzipped but for one, with voided passes, duplicates, offsets near midnight, one person
// under two identities, names a spreadsheet would run, another course and reflection text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from '../../../build/harness/paths';
import { SECRET, writeGroundTruth, type GroundTruth } from '../../../build/insights/ground-truth';
import { insightsMain } from '../../../build/insights/main';

let dir: string;
let truth: GroundTruth;
const runs: Record<string, { code: number | null; stdout: string; stderr: string }> = {};
const read = (out: string, f: string) => readFileSync(join(dir, out, f), 'utf8');
const expected = (zone: string, f: string) => readFileSync(join(truth.expectedDir(zone), f), 'utf8');

/** The CLI as its own process, with the machine's time zone set to `tz`. */
function cli(args: string[], tz: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'build/insights/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, TZ: tz } });
    let [stdout, stderr] = ['', ''];
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-truth-'));
  truth = await writeGroundTruth({ root: ROOT, out: join(dir, 'truth'), learners: 40, seed: 20, zones: ['UTC', 'Europe/Rome'] });
  // One day's file as an LRS writes it before gzipping: the folder holds both kinds.
  const gz = truth.files[3];
  writeFileSync(gz.replace(/\.gz$/, ''), gunzipSync(readFileSync(gz)));
  rmSync(gz);
  const source = ['--statements', truth.statementsDir];
  const [utc, kiritimati] = await Promise.all([cli([...source, '--out', join(dir, 'utc')], 'UTC'), cli([...source, '--out', join(dir, 'kiritimati')], 'Pacific/Kiritimati')]);
  Object.assign(runs, { utc, kiritimati });
  let stdout = '';
  runs.rome = { code: await insightsMain([...source, '--tz', 'Europe/Rome', '--out', join(dir, 'rome')], { out: (l) => (stdout += l), err: () => {} }), stdout, stderr: '' };
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the register on an export with a known answer', () => {
  it('has every row the stories give, in UTC, on a machine in UTC', () => {
    expect(runs.utc.code, runs.utc.stderr).toBe(0);
    expect(read('utc', 'cme-register.csv')).toBe(expected('UTC', 'cme-register.csv'));
    expect(read('utc', 'in-progress.csv')).toBe(expected('UTC', 'in-progress.csv'));
  });

  it('writes the same bytes on a machine fourteen hours ahead of UTC', () => {
    expect(runs.kiritimati.code, runs.kiritimati.stderr).toBe(0);
    for (const f of ['cme-register.csv', 'in-progress.csv', 'items.csv']) expect(read('kiritimati', f), f).toBe(read('utc', f));
  });

  it('with --tz, writes days in that zone and names it', () => {
    expect(runs.rome.code).toBe(0);
    expect(read('rome', 'cme-register.csv')).toBe(expected('Europe/Rome', 'cme-register.csv'));
    expect(read('rome', 'in-progress.csv')).toBe(expected('Europe/Rome', 'in-progress.csv'));
    // A pass at 00:20 (+02:00) on 3 October is 2 October in UTC: the zone decides the day.
    const gus = (out: string) => read(out, 'cme-register.csv').split('\r\n').find((r) => r.startsWith('Gus Plus Two,'));
    expect(gus('utc')).toContain(',2026-10-02,UTC,');
    expect(gus('rome')).toContain(',2026-10-03,Europe/Rome,');
    expect(read('rome', 'report.html')).toContain('Dates are days in Europe/Rome');
  });

  it('records the first valid pass with its own score, and the best score beside it', () => {
    const row = (name: string) => read('utc', 'cme-register.csv').split('\r\n').find((r) => r.startsWith(`${name},`));
    // 82 first, 96 nine days later.
    expect(row('Cleo Twice')).toMatch(/^Cleo Twice,[^,]+,\d{4}-\d\d-\d\d,UTC,82,96,/);
    // A voided pass at 90, then a real one at 86: the voided one is not in the register at all.
    expect(row('Ben Revoked')).toMatch(/,UTC,86,86,/);
    // Only pass voided: not in the register, and in progress with its failed attempt.
    expect(row('Ada Voided')).toBeUndefined();
    expect(read('utc', 'in-progress.csv')).toMatch(/\r\nAda Voided,mailto:ada\.voided@trust\.example\.org,en,[^,]+,[^,]+,UTC,assessment,failed,61\r\n/);
  });

  it('counts each statement once, without the voided ones and the voiding ones', () => {
    expect(runs.utc.stdout).toContain(` ${truth.events} events`);
  });

  it('never writes the reflective text or the free comments', () => {
    for (const out of ['utc', 'kiritimati', 'rome']) for (const f of readdirSync(join(dir, out))) expect(read(out, f), `${out}/${f}`).not.toContain(SECRET);
  });
});
