// The built packages, unpacked once for the browser tests.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { DIST, OUTPUT } from './paths';

export type ZipFormat = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi';

export function zipPath(lang: string, format: ZipFormat): string {
  const dir = join(DIST, lang);
  const name = readdirSync(dir).find((f) => f.endsWith(`-${lang}-${format}.zip`));
  if (!name) throw new Error(`no ${format} zip in ${dir}; run npm run build`);
  return join(dir, name);
}

export function readZip(path: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(readFileSync(path))));
}

/** Unpacks a package once per process into tests/.output/packages/<lang>-<format>-<pid>/ and returns
 *  that folder. Test files run side by side in several processes, and one must never rewrite a
 *  folder another is serving. */
const unpacked = new Map<string, string>();
export function unpack(lang: string, format: ZipFormat): string {
  const key = `${lang}-${format}`;
  const done = unpacked.get(key);
  if (done && existsSync(done)) return done;
  const out = join(OUTPUT, 'packages', `${key}-${process.pid}`);
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  for (const [name, data] of readZip(zipPath(lang, format))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), data);
  }
  unpacked.set(key, out);
  return out;
}
