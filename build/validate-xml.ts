// Validates a manifest against the official XSDs (../shared/schemas) with libxml2 compiled to
// WebAssembly (xmllint-wasm), so tests need no system xmllint. Every schema file is preloaded at
// its relative path, so the imports inside the official XSDs resolve as they are written.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export type XmlKind = 'scorm12' | 'scorm2004' | 'cmi5';

const ENTRY: Record<XmlKind, string> = {
  scorm12: 'wrappers/scorm12.xsd',
  scorm2004: 'wrappers/scorm2004-4th.xsd',
  cmi5: 'cmi5/CourseStructure.xsd',
};

export function schemasDir(): string {
  return process.env.SCHEMAS_DIR ?? resolve(import.meta.dirname, '..', '..', 'shared', 'schemas');
}

let cache: { dir: string; files: { fileName: string; contents: string }[] } | null = null;

function schemaFiles(dir: string): { fileName: string; contents: string }[] {
  if (cache?.dir === dir) return cache.files;
  const files: { fileName: string; contents: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(xsd|dtd)$/.test(name)) files.push({ fileName: relative(dir, p).split('\\').join('/'), contents: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  cache = { dir, files };
  return files;
}

export async function validateXml(xml: string, kind: XmlKind, dir = schemasDir()): Promise<{ valid: boolean; errors: string[] }> {
  const files = schemaFiles(dir);
  const entry = files.find((f) => f.fileName === ENTRY[kind]);
  if (!entry) throw new Error(`schema ${ENTRY[kind]} not found in ${dir}`);
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [entry],
    preload: files.filter((f) => f !== entry),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
