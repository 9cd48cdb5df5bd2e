// Turns one staged Vite build into its package: the manifest(s) of its standard, the schema
// files SCORM packages carry, and a deterministic zip (or, for the web build, a folder).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CourseSource, Lang } from '../src/content/types.js';
import type { Format } from './formats.js';
import { cmi5Xml, METADATA_FILE, scorm12Manifest, scorm2004Manifest, scormMetadata, tincanXml } from './manifests.js';
import { deterministicZip } from './zip.js';

export const LAUNCH = 'index.html';

/** Official schema files each SCORM package carries at its root (copied unmodified). */
export const PACKAGE_SCHEMAS: Partial<Record<Format, string>> = {
  scorm12: resolve(import.meta.dirname, 'package-schemas', 'scorm12'),
  scorm2004: resolve(import.meta.dirname, 'package-schemas', 'scorm2004'),
};

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function packageName(course: CourseSource, lang: Lang, format: Format): string {
  return `${course.id}-${course.version}-${lang}-${format}.zip`;
}

export interface PackageResult { path: string; bytes: number; files: number }

export function writePackage(course: CourseSource, lang: Lang, format: Format, stageDir: string, distDir: string): PackageResult {
  if (format === 'web') {
    const out = join(distDir, 'web', lang);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(stageDir, out, { recursive: true });
    const files = listFiles(out);
    return { path: out, bytes: files.reduce((n, f) => n + statSync(join(out, f)).size, 0), files: files.length };
  }
  const files = new Map<string, Uint8Array>();
  for (const f of listFiles(stageDir)) files.set(f, readFileSync(join(stageDir, f)));
  const contentFiles = [...files.keys()];
  const input = { course, lang, files: contentFiles, launch: LAUNCH };
  const text = (s: string) => new TextEncoder().encode(s);
  const schemaDir = PACKAGE_SCHEMAS[format];
  if (schemaDir) for (const f of listFiles(schemaDir).filter((n) => /\.(xsd|dtd)$/.test(n))) files.set(f, readFileSync(join(schemaDir, f)));
  if (format === 'scorm12' || format === 'scorm2004') {
    files.set('imsmanifest.xml', text(format === 'scorm12' ? scorm12Manifest(input) : scorm2004Manifest(input)));
    files.set(METADATA_FILE, text(scormMetadata(input, format)));
  }
  if (format === 'cmi5') files.set('cmi5.xml', text(cmi5Xml({ ...input, auUrl: LAUNCH })));
  if (format === 'xapi') files.set('tincan.xml', text(tincanXml(input)));
  const zip = deterministicZip(files);
  mkdirSync(join(distDir, lang), { recursive: true });
  const path = join(distDir, lang, packageName(course, lang, format));
  writeFileSync(path, zip);
  return { path, bytes: zip.length, files: files.size };
}
