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

/** Unpacks a package into tests/.output/packages/<lang>-<format>/ and returns that folder. */
export function unpack(lang: string, format: ZipFormat): string {
  const out = join(OUTPUT, 'packages', `${lang}-${format}`);
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  for (const [name, data] of readZip(zipPath(lang, format))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), data);
  }
  return out;
}
