// A line of an export that is not a statement: without --skip-invalid the run stops and names its
// file and line (a truncated last line before anything is read); with it, each bad line is skipped
// and listed, on stderr and in the report, and the register is what the good lines give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../../build/harness/paths';
import { insightsMain } from '../../../build/insights/main';

const lines = readFileSync(join(ROOT, 'tests/fixtures/insights/three-learners.jsonl'), 'utf8').trim().split('\n');
const CUT = lines[21].slice(0, 50); // the last statement (about another course), cut off mid-write
let dir: string;

async function insights(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await insightsMain(args, { out: () => {}, err: (l) => (stderr += `${l}\n`) });
  return { code, stderr };
}

function folder(name: string, files: Record<string, string[]>): string {
  const d = join(dir, name);
  mkdirSync(d);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), f.endsWith('.gz') ? gzipSync(`${text.join('\n')}\n`) : `${text.join('\n')}\n`);
  return d;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'insights-lines-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bad line in a statement export', () => {
  it('a plain file cut off mid-line: its last line named', async () => {
    const d = folder('plain-cut', { 'export.jsonl': [...lines, CUT] });
    const r = await insights(['--statements', join(d, 'export.jsonl'), '--out', join(dir, 'out-1')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/export\.jsonl: line 23 is not a JSON statement: not valid JSON .*--skip-invalid/);
  });

  it('a truncated last line of a gzipped daily file among good ones: named with its file and line', async () => {
    const d = folder('gz-cut', { '2026-11-01.jsonl.gz': lines.slice(0, 11), '2026-11-02.jsonl.gz': [...lines.slice(11), CUT] });
    const r = await insights(['--statements', d, '--out', join(dir, 'out-2')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2026-11-02\.jsonl\.gz: line 12 is not a JSON statement: not valid JSON/);
  });

  it('valid JSON that is not a statement, in the middle of a file', async () => {
    const d = folder('not-object', { 'export.jsonl': [...lines.slice(0, 8), '42', ...lines.slice(8)] });
    const r = await insights(['--statements', d, '--out', join(dir, 'out-3')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/export\.jsonl: line 9 is not a JSON statement: not a JSON object: 42…/);
  });

  it('--skip-invalid skips each, lists it on stderr and in the report, and the register is that of the good lines', async () => {
    const good = await insights(['--statements', join(ROOT, 'tests/fixtures/insights/three-learners.jsonl'), '--out', join(dir, 'clean')]);
    expect(good.code).toBe(0);
    const d = folder('mixed', {
      '2026-11-01.jsonl': [...lines.slice(0, 3), '{"id": "00000000-0000-0000-0000-0000000000ff", "actor": {"mbox"', ...lines.slice(3, 7), '{"note": "exported by hand"}', ...lines.slice(7, 11)],
      '2026-11-02.jsonl.gz': [...lines.slice(11), CUT],
    });
    const r = await insights(['--statements', d, '--skip-invalid', '--out', join(dir, 'skipped')]);
    expect(r.code, r.stderr).toBe(0);
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('insights: skipped '));
    expect(listed).toEqual([
      expect.stringMatching(/2026-11-01\.jsonl: line 4 is not a JSON statement: not valid JSON/),
      expect.stringMatching(/2026-11-01\.jsonl: line 9 is not a JSON statement: not an xAPI statement \(no actor, verb, object\)/),
      expect.stringMatching(/2026-11-02\.jsonl\.gz: line 12 is not a JSON statement: not valid JSON/),
    ]);
    const report = readFileSync(join(dir, 'skipped', 'report.html'), 'utf8');
    expect(report).toContain('Lines skipped (3)');
    expect(report).toMatch(/2026-11-01\.jsonl<\/th><td class="num">4<\/td>/);
    expect(report).toMatch(/2026-11-02\.jsonl\.gz<\/th><td class="num">12<\/td>/);
    for (const f of ['cme-register.csv', 'in-progress.csv', 'items.csv']) expect(readFileSync(join(dir, 'skipped', f), 'utf8'), f).toBe(readFileSync(join(dir, 'clean', f), 'utf8'));
  });
});
