// The insights tool against the real LRS of ../shared/lms: real runs of the Tin Can package (a pass
// in English, then an unfinished run in Italian; the committed fixture lrs-statements.jsonl has
// the fails), read back through the Statements API with
// paging (`more`), --since, the State API (attested time and certificate id), and a wrong password.
// Also posts a sample of the ground-truth export (the bench's load) to the same LRS, which validates
// every statement strictly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser as launchChromium } from '../../build/harness/browser';
import { hostTinCanPackages, REAL_LRS, REAL_LRS_AUTH, runTinCan, type PackageHost } from '../support/insights/real-lrs-run';
import { runInsights } from '../../build/insights/run';
import { writeGroundTruth } from '../../build/insights/ground-truth';
import { ROOT } from '../../build/harness/paths';

const RUN = randomUUID().slice(0, 8);
const learner = (name: string) => ({ name: `${name} ${RUN}`, mbox: `mailto:${name.toLowerCase()}.${RUN}@insights-lms.example.org` });
const ADA = learner('Ada');
const CID = learner('Cid');
let browser: Browser;
let host: PackageHost;
let dir: string;
let adaCertificate: string | null;
let since: string;

const lrsSource = (extra: object = {}) => ({ kind: 'lrs' as const, endpoint: REAL_LRS, auth: REAL_LRS_AUTH, timeoutMs: 30_000, ...extra });
const rowsOf = (out: string, file: string) => readFileSync(join(out, file), 'utf8').trim().split('\r\n');
const ours = (rows: string[]) => rows.filter((r) => r.includes(RUN));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-lms-'));
  browser = await launchChromium();
  host = await hostTinCanPackages();
  adaCertificate = (await runTinCan(browser, host, { lang: 'en', outcome: 'pass', learner: ADA, registration: randomUUID(), variant: 1 })).certificateId;
  await new Promise((r) => setTimeout(r, 1100));
  since = new Date().toISOString();
  await runTinCan(browser, host, { lang: 'it', outcome: 'unfinished', learner: CID, registration: randomUUID() });
}, 540_000);
afterAll(async () => {
  await host?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('insights from the real LRS', () => {
  it('pages through the statements and registers the pass with the attested time and the certificate id the learner saw', async () => {
    const out = join(dir, 'all');
    await runInsights({ source: lrsSource({ pageSize: 40 }), out, contentRoot: ROOT, includeReflections: false });
    expect(adaCertificate).toMatch(/^BAL-/);
    const [ada] = ours(rowsOf(out, 'cme-register.csv'));
    // learner-plan.ts attests 100 + 5 × variant minutes: 105 min → 1.75 h (quarter hours, as the certificate).
    expect(ada).toBe(`${ADA.name},${ADA.mbox},${new Date().toISOString().slice(0, 10)},UTC,93,93,105,1.75,${adaCertificate},en,1.0.0`);
    expect(ours(rowsOf(out, 'in-progress.csv'))).toEqual([expect.stringMatching(new RegExp(`^${CID.name},${CID.mbox},it,.*,premises,in progress,$`))]);
    // The same LRS read in pages of 40 and of 500 gives the same register.
    const big = join(dir, 'big-pages');
    await runInsights({ source: lrsSource(), out: big, contentRoot: ROOT, includeReflections: false });
    expect(readFileSync(join(big, 'cme-register.csv'), 'utf8')).toBe(readFileSync(join(out, 'cme-register.csv'), 'utf8'));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('PRIVATE-');
  });

  it('--since keeps only what was recorded after the date', async () => {
    const out = join(dir, 'since');
    await runInsights({ source: lrsSource({ since }), out, contentRoot: ROOT, includeReflections: false });
    expect(ours(rowsOf(out, 'cme-register.csv'))).toEqual([]);
    expect(ours(rowsOf(out, 'in-progress.csv')).map((r) => r.split(',')[0])).toEqual([CID.name]);
  });

  it('refuses a wrong password with a clear message and writes nothing', async () => {
    const out = join(dir, 'wrong');
    await expect(runInsights({ source: lrsSource({ auth: 'lrs-key:not-the-secret' }), out, contentRoot: ROOT, includeReflections: false })).rejects.toThrow(/refused the key and secret \(HTTP 401\)/);
    expect(() => readFileSync(join(out, 'report.html'))).toThrow();
  });

  it('accepts every statement of the ground-truth export (the LRS validates each strictly), the voiding ones too', async () => {
    const truth = await writeGroundTruth({ root: ROOT, out: join(dir, 'truth'), learners: 4, seed: Date.now() % 100_000, gzip: false });
    // Each statement once (the export holds some twice), as the course and the administrator posted
    // it: without what the LRS adds on storing (stored, authority, version); voiding ones last.
    const byId = new Map<string, Record<string, unknown>>();
    for (const line of truth.files.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'))) {
      const { stored, authority, version, ...s } = JSON.parse(line);
      byId.set(s.id, s);
    }
    const isVoiding = (s: Record<string, unknown>) => (s.verb as { id: string }).id.endsWith('/voided');
    const all = [...byId.values()];
    let accepted = 0;
    for (const batch of [all.filter((s) => !isVoiding(s)), all.filter(isVoiding)]) {
      for (let i = 0; i < batch.length; i += 500) {
        const r = await fetch(`${REAL_LRS}statements`, {
          method: 'POST',
          headers: { Authorization: `Basic ${Buffer.from(REAL_LRS_AUTH).toString('base64')}`, 'X-Experience-API-Version': '1.0.3', 'content-type': 'application/json' },
          body: JSON.stringify(batch.slice(i, i + 500)),
        });
        expect(r.status, await r.clone().text()).toBe(200);
        accepted += ((await r.json()) as string[]).length;
      }
    }
    expect(accepted).toBe(all.length);
  });
});
