// The --out folder is the user's: the tool writes into a temporary folder beside it
// (`<out>.partial-<pid>`) and replaces --out only at the end, and only when --out is new, empty, or a
// folder it wrote itself and that holds nothing else. Every folder it writes carries a marker file
// listing its files, so a later run (or the cleanup of an interrupted one) can tell its own folders
// from the user's and never deletes anything it did not write.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InsightsError } from './errors.js';

export const MARKER = '.insights-output.json';
const TOOL = 'balint-course insights';

interface Marker { tool: string; files: string[] }

function readMarker(dir: string): Marker | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as Marker;
    return m.tool === TOOL && Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

const list = (names: string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');

/** Refuses an --out the tool may not replace; touches nothing. */
export function checkOut(out: string): void {
  if (!existsSync(out)) return;
  if (!lstatSync(out).isDirectory()) throw new InsightsError(`--out ${out} is a file, not a folder: give a new or empty folder`);
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  const marker = readMarker(out);
  if (!marker) {
    throw new InsightsError(`--out ${out} already holds files this tool did not write (${list(entries)}), and the tool replaces its --out folder: give a new or empty folder. Nothing was changed.`);
  }
  const foreign = entries.filter((e) => e !== MARKER && !marker.files.includes(e));
  if (foreign.length) {
    throw new InsightsError(`--out ${out} is an earlier output of this tool, but now also holds ${list(foreign)}, which the tool did not write and would delete: move them out, or give another folder. Nothing was changed.`);
  }
}

/** Folders of this tool's interrupted runs beside --out: ours (marker inside) and their process gone. */
export function removeStaleWork(out: string): string[] {
  const parent = dirname(out);
  const pattern = new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(partial|replaced)-(\\d+)$`);
  const removed: string[] = [];
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const m = pattern.exec(name);
    const dir = join(parent, name);
    if (!m || Number(m[2]) === process.pid || isAlive(Number(m[2])) || !readMarker(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders of runs in progress in this process, for the signal handler (cli.ts). */
const inFlight = new Set<string>();

export function startWork(out: string): string {
  const work = `${out}.partial-${process.pid}`;
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, MARKER), JSON.stringify({ tool: TOOL, files: [] } satisfies Marker));
  inFlight.add(work);
  return work;
}

export function abandonWork(work: string): void {
  rmSync(work, { recursive: true, force: true });
  inFlight.delete(work);
}

/** On SIGINT or SIGTERM: removes this process's unfinished output folders. */
export function removeWorkInFlight(): string[] {
  const gone = [...inFlight];
  for (const w of gone) abandonWork(w);
  return gone;
}

/** Puts the finished work folder in place of --out (checked again: the user may have added a file
 *  meanwhile). The old folder is renamed aside first, so --out is never half old and half new. */
export function finishWork(work: string, out: string): void {
  const files = readdirSync(work).filter((f) => f !== MARKER).sort();
  writeFileSync(join(work, MARKER), `${JSON.stringify({ tool: TOOL, files } satisfies Marker, null, 1)}\n`);
  checkOut(out);
  const aside = `${out}.replaced-${process.pid}`;
  const had = existsSync(out);
  if (had) renameSync(out, aside);
  try {
    renameSync(work, out);
  } catch (e) {
    if (had) renameSync(aside, out);
    throw e;
  }
  inFlight.delete(work);
  if (had) rmSync(aside, { recursive: true, force: true });
}
