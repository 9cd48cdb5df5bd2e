// --out is the user's folder: the tool replaces it only when it is new, empty, or an earlier output
// of its own holding nothing else; an interrupted run (a real SIGINT or SIGTERM to the process)
// leaves nothing behind, and a later run removes what an interrupted one left, never anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../../build/harness/paths';
import { startFakeLrs, type FakeLrs } from '../../support/insights/fake-lrs';
import { insightsMain } from '../../../build/insights/main';
import { MARKER } from '../../../build/insights/out-folder';

const EXPORT = join(ROOT, 'tests/fixtures/insights/three-learners.jsonl');
let dir: string;
let silent: FakeLrs;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-out-'));
  silent = await startFakeLrs({ hang: true });
});
afterAll(async () => {
  await silent?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function insights(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await insightsMain(args, { out: () => {}, err: (l) => (stderr += `${l}\n`) });
  return { code, stderr };
}

/** Every file under a folder with its content, to show nothing changed. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(folder.length), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

function folder(name: string, files: Record<string, string> = {}): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

describe('insights never deletes a file it did not write', () => {
  it('refuses --out holding the export it reads (and notes), exits 1 and changes nothing', async () => {
    const d = folder('export-here', { 'notes.txt': 'my notes' });
    copyFileSync(EXPORT, join(d, 'export.jsonl'));
    const before = snapshot(dir);
    const r = await insights(['--statements', join(d, 'export.jsonl'), '--out', d]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds files this tool did not write \(export\.jsonl, notes\.txt\).*Nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses --out that is a file', async () => {
    writeFileSync(join(dir, 'a-file'), 'mine');
    const r = await insights(['--statements', EXPORT, '--out', join(dir, 'a-file')]);
    expect([r.code, r.stderr]).toEqual([1, expect.stringMatching(/is a file, not a folder/)]);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('mine');
  });

  it('writes into an empty folder, replaces its own output, and refuses it once a user has added a file', async () => {
    const d = folder('own');
    expect((await insights(['--statements', EXPORT, '--out', d])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, MARKER), 'utf8')).files).toEqual(['cme-register.csv', 'in-progress.csv', 'items.csv', 'report.html']);
    writeFileSync(join(d, 'report.html'), 'stale');
    expect((await insights(['--statements', EXPORT, '--out', d])).code).toBe(0);
    expect(readFileSync(join(d, 'report.html'), 'utf8')).toContain('<!doctype html>');
    writeFileSync(join(d, 'my-analysis.xlsx'), 'a spreadsheet');
    const before = snapshot(dir);
    const r = await insights(['--statements', EXPORT, '--out', d, '--include-reflections']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/also holds my-analysis\.xlsx, which the tool did not write/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`a ${signal} mid-run removes the unfinished folder; the earlier output and the user's files stay as they were`, async () => {
      const parent = folder(`interrupted-${signal}`, { 'notes.txt': 'beside the output' });
      const out = join(parent, 'insights');
      expect((await insights(['--statements', EXPORT, '--out', out])).code).toBe(0);
      const before = snapshot(parent);
      const asked = silent.requests.length;
      // An LRS that never answers keeps the run going: it is then surely mid-run.
      const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'build/insights/cli.ts'), '--lrs', silent.endpoint, '--auth', 'k:s', '--timeout', '120', '--out', out], { cwd: ROOT });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((done) => p.on('close', (c) => done(c)));
      const partial = join(parent, `insights.partial-${p.pid}`);
      while (!(existsSync(partial) && silent.requests.length > asked)) await new Promise((r) => setTimeout(r, 100));
      p.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toContain(`interrupted; removed ${partial}`);
      expect(readdirSync(parent).sort()).toEqual(['insights', 'notes.txt']);
      expect(snapshot(parent)).toEqual(before);
    }, 60_000);
  }

  it('removes the folders its own interrupted runs left, and only those', async () => {
    const parent = folder('stale');
    // A process id no process has now: one that has just exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const ours = folder(`stale/out.partial-${dead}`, { [MARKER]: JSON.stringify({ tool: 'balint-course insights', files: [] }), 'cme-register.csv': 'half' });
    const aside = folder(`stale/out.replaced-${dead}`, { [MARKER]: JSON.stringify({ tool: 'balint-course insights', files: ['items.csv'] }), 'items.csv': 'old' });
    const users = folder(`stale/out.partial-${dead + 1}`, { 'thesis.docx': 'not the tool\'s' });
    const r = await insights(['--statements', EXPORT, '--out', join(parent, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`removed ${ours}, left by an interrupted run`);
    expect([existsSync(ours), existsSync(aside), existsSync(users)]).toEqual([false, false, true]);
    expect(readFileSync(join(users, 'thesis.docx'), 'utf8')).toBe('not the tool\'s');
  });
});
