// Real runs of the Tin Can (xapi) package against the real LRS of ../shared/lms: the package is
// served from loopback with /xAPI/ relayed to the LRS, so the package's Content-Security-Policy
// ('self') lets it talk to the LRS, and the statements land in the LRS exactly as the course sent them.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { Lang } from '../../../src/content/types';
import { unpack } from '../../../build/harness/packages';
import { learnerPlan, type Outcome } from './learner-plan';
import { playPlan } from './play-plan.mjs';

export const REAL_LRS = process.env.INSIGHTS_LRS ?? 'http://127.0.0.1:8080/xAPI/';
export const REAL_LRS_AUTH = process.env.INSIGHTS_LRS_AUTH ?? 'lrs-key:lrs-secret';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml' };

export interface PackageHost { url: string; activityId: string; launchPath: string; close(): Promise<void> }

/** Serves both languages' unpacked xapi zips under /pkg/<lang>/ and relays /xAPI/ to the real LRS. */
export async function hostTinCanPackages(langs: Lang[] = ['en', 'it']): Promise<PackageHost> {
  const dirs = new Map(langs.map((l) => [l, unpack(l, 'xapi')]));
  const xml = readFileSync(join(dirs.get(langs[0])!, 'tincan.xml'), 'utf8');
  const act = /<activity\b[^>]*\bid="([^"]+)"[\s\S]*?<launch[^>]*>\s*([^<\s]+)\s*<\/launch>/.exec(xml)!;
  const lrs = new URL(REAL_LRS);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/xAPI/')) {
      const target = new URL(url.pathname.slice('/xAPI/'.length) + url.search, lrs);
      const headers = { ...req.headers, host: lrs.host };
      const up = httpRequest(target, { method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
      return;
    }
    const m = /^\/pkg\/(en|it)\/(.*)$/.exec(url.pathname);
    const dir = m && dirs.get(m[1] as Lang);
    if (!m || !dir) return void res.writeHead(404).end();
    const file = normalize(join(dir, decodeURIComponent(m[2]) || 'index.html'));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, activityId: act[1].replace(/&amp;/g, '&'), launchPath: act[2], close: () => new Promise((r) => server.close(() => r())) };
}

export interface Learner { name: string; mbox: string }

const authHeader = `Basic ${Buffer.from(REAL_LRS_AUTH).toString('base64')}`;

/** Statements the real LRS holds for one registration. */
export async function statementsOf(registration: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let next: string | null = `${REAL_LRS}statements?registration=${registration}&limit=200&ascending=true`;
  while (next) {
    const r = await fetch(next, { headers: { Authorization: authHeader, 'X-Experience-API-Version': '1.0.3' } });
    if (!r.ok) throw new Error(`LRS ${r.status}`);
    const body = (await r.json()) as { statements: Record<string, unknown>[]; more?: string };
    all.push(...body.statements);
    next = body.more ? new URL(body.more, REAL_LRS).href : null;
  }
  return all;
}

/** One learner's sitting: launches the Tin Can package with the five parameters, plays the plan,
 *  closes the tab, and waits until the LRS holds the session's terminated statement. */
export async function runTinCan(browser: Browser, host: PackageHost, o: { lang: Lang; outcome: Outcome; learner: Learner; registration: string; variant?: number }): Promise<{ certificateId: string | null }> {
  const q = new URLSearchParams({ endpoint: `${host.url}/xAPI/`, auth: authHeader, actor: JSON.stringify({ objectType: 'Agent', ...o.learner }), registration: o.registration, activity_id: host.activityId });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${host.url}/pkg/${o.lang}/${host.launchPath}?${q}`);
  await page.waitForSelector('.mode[data-standard="xapi"]', { timeout: 20_000 });
  await playPlan(page, learnerPlan(o.lang, o.outcome, o.variant ?? 0));
  const certificateId = o.outcome === 'pass' ? await page.locator('.certificate').getAttribute('data-certificate-id') : null;
  await page.waitForTimeout(500);
  await page.goto('about:blank');
  const until = Date.now() + 40_000;
  for (;;) {
    const got = await statementsOf(o.registration);
    if (got.some((s) => String((s.verb as { id: string }).id).endsWith('/terminated'))) break;
    if (Date.now() > until) throw new Error(`no terminated statement for ${o.registration} (${got.length} stored)`);
    await new Promise((r) => setTimeout(r, 300));
  }
  await context.close();
  return { certificateId };
}
