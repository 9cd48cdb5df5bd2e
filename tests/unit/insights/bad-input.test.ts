// Each bad input gives a clear message on stderr, exit code 1, and no output folder (nor a
// half-written one beside it). The command runs in-process (insightsMain, what cli.ts runs) for
// speed; one test runs the real process to show the exit code reaches the shell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../../build/harness/paths';
import { startFakeLrs, type FakeLrs } from '../../support/insights/fake-lrs';
import { insightsMain } from '../../../build/insights/main';

const BAD = join(ROOT, 'tests/fixtures/insights/bad');
let dir: string;
let lrs: FakeLrs;
let silent: FakeLrs;
let empty: FakeLrs;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-bad-'));
  lrs = await startFakeLrs({ statementsFile: join(ROOT, 'tests/fixtures/insights/three-learners.jsonl'), auth: 'key:secret', pageSize: 5 });
  silent = await startFakeLrs({ hang: true });
  empty = await startFakeLrs({ auth: 'key:secret' });
});
afterAll(async () => {
  await Promise.all([lrs?.close(), silent?.close(), empty?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function insights(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const code = await insightsMain(args, { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) });
  return { code, stderr, stdout };
}

function insightsProcess(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'build/insights/cli.ts'), ...args], { cwd: ROOT });
    let stderr = '';
    let stdout = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.on('data', (d) => (stdout += d));
    p.on('close', (code) => done({ code, stderr, stdout }));
  });
}

async function expectRefused(name: string, source: string[], message: RegExp): Promise<void> {
  const out = join(dir, name);
  const r = await insights([...source, '--out', out]);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  expect(r.code).toBe(1);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.startsWith(name))).toEqual([]);
}

describe('insights refuses bad input', () => {
  it('a Moodle CSV from another course', () =>
    expectRefused('other-course', ['--moodle-report', join(BAD, 'other-course-interactions.csv')], /is not a report of "The Balint Group Method[^"]*".*"Fire Safety Awareness 2026"/), 20_000);

  it('a statement stream with a verb the course never sends', () =>
    expectRefused('unknown-verb', ['--statements', join(BAD, 'unknown-verb.jsonl')], /verbs it never sends: http:\/\/example\.org\/verbs\/hacked \(1×\)/), 20_000);

  it('a statement stream with a malformed line', () =>
    expectRefused('malformed', ['--statements', join(BAD, 'malformed.jsonl')], /line 2 is not a JSON statement/), 20_000);

  it('a wrong password for the LRS', () =>
    expectRefused('wrong-password', ['--lrs', lrs.endpoint, '--auth', 'key:wrong'], /refused the key and secret \(HTTP 401\): check --auth/), 20_000);

  it('an LRS that never answers', () =>
    expectRefused('timeout', ['--lrs', silent.endpoint, '--auth', 'key:secret', '--timeout', '1'], /did not answer within 1 s/), 20_000);

  it('an empty statement file, and an LRS with nothing about the course', async () => {
    await expectRefused('empty-file', ['--statements', join(BAD, 'empty.jsonl')], /empty\.jsonl is empty: there are no statements/);
    await expectRefused('empty-lrs', ['--lrs', empty.endpoint, '--auth', 'key:secret'], /holds no statements about https:\/\/balint-course\.org\/xapi\/course\/balint-method/);
  }, 30_000);

  it('while the same LRS with the right key gives all three outputs, read in pages', async () => {
    const out = join(dir, 'good');
    const r = await insights(['--lrs', lrs.endpoint, '--auth', 'key:secret', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.insights-output.json', 'cme-register.csv', 'in-progress.csv', 'items.csv', 'report.html']);
    expect(lrs.requests.filter((u) => u.includes('/statements?') && u.includes('since=')).length).toBeGreaterThan(2);
    expect(readFileSync(join(out, 'cme-register.csv'), 'utf8')).toContain('Alice Archer,mailto:alice@trust.example.org,2026-11-02,UTC,85,85,');
  }, 20_000);

  it('as a process: exit code 1 and the message on stderr', async () => {
    const out = join(dir, 'process');
    const r = await insightsProcess(['--statements', join(BAD, 'unknown-verb.jsonl'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^insights: .*verbs it never sends/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
