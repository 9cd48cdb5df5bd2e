// Puts an unpacked package on the test LRS's origin and reads its launch ids from the manifest
// (cmi5.xml's AU, tincan.xml's activity), plus small waits the xAPI browser tests share.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Statement } from '@xapi/xapi';
import { unpack, type ZipFormat } from '../packages';
import type { TestLrs } from './lrs-front';

export interface HostedPackage { dir: string; baseUrl: string; launchPath: string; activityId: string }

export function hostPackage(lrs: TestLrs, lang: string, format: Extract<ZipFormat, 'cmi5' | 'xapi'>, fallbackId: string): HostedPackage {
  const dir = unpack(lang, format);
  const prefix = `/pkg/${format}-${lang}/`;
  lrs.serve(prefix, dir);
  let activityId = fallbackId;
  let launchPath = 'index.html';
  if (format === 'cmi5' && existsSync(join(dir, 'cmi5.xml'))) {
    const xml = readFileSync(join(dir, 'cmi5.xml'), 'utf8');
    const au = /<au\b[^>]*\bid="([^"]+)"[\s\S]*?<url>\s*([^<\s]+)\s*<\/url>/.exec(xml);
    if (au) [activityId, launchPath] = [decode(au[1]), decode(au[2])];
  }
  if (format === 'xapi' && existsSync(join(dir, 'tincan.xml'))) {
    const xml = readFileSync(join(dir, 'tincan.xml'), 'utf8');
    const act = /<activity\b[^>]*\bid="([^"]+)"[\s\S]*?<launch[^>]*>\s*([^<\s]+)\s*<\/launch>/.exec(xml);
    if (act) [activityId, launchPath] = [decode(act[1]), decode(act[2])];
  }
  return { dir, baseUrl: `${lrs.url}${prefix}`, launchPath, activityId };
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

export const verbOf = (s: Statement) => s.verb.id.split('/').pop()!;

/** Waits until the LRS's statements satisfy `done` (the outbox may be retrying with backoff). */
export async function waitForStatements(lrs: TestLrs, done: (all: Statement[]) => boolean, timeoutMs = 40_000): Promise<Statement[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const all = await lrs.statements();
    if (done(all)) return all;
    if (Date.now() > until) throw new Error(`LRS did not receive the expected statements; it holds: ${all.map(verbOf).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Leaves the course as a learner closing it would: pagehide fires, keepalive requests go out. */
export async function leaveCourse(page: Page): Promise<void> {
  await page.goto('about:blank');
}

export async function waitForCourse(page: Page): Promise<void> {
  await page.waitForSelector('h1#page-title, #course-menu', { timeout: 20_000 });
}
