// The house's rule (docs/architecture.md): every import in src/ and build/ points down a layer or
// stays in its own room, and no file reaches itself through its imports. The layers are listed
// here, lowest first; a new folder must be given its place before it can import anything.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../../../build/harness/paths';

/** Rooms by layer, lowest first. A room may import its own files and any room of a lower layer. */
export const LAYERS: string[][] = [
  ['src/content'],
  ['src/quiz', 'src/time'],
  ['src/learner', 'src/events'],
  ['src/scorm', 'src/pdf'],
  ['src/scorm12', 'src/scorm2004', 'src/xapi'],
  ['src/tracking', 'src/interactive', 'src/quiz-ui'],
  ['src/close'],
  ['src/player'],
  ['src/main.ts', 'src/env.d.ts'],
  // The toolkit: it may use the pure layers of src/ above (never the player, its views or trackers).
  ['build/xml.ts', 'build/zip.ts', 'build/formats.ts', 'build/budgets.ts'],
  ['build/content', 'build/validate-xml.ts', 'build/xapi-credentials.ts'],
  ['build/manifests.ts', 'build/bundle'],
  ['build/package.ts'],
  ['build/cli.ts', 'build/insights'],
  ['build/harness'],
  ['build/dev', 'build/bench'],
  ['build/bench.ts'],
];

const rank = new Map(LAYERS.flatMap((rooms, layer) => rooms.map((room) => [room, layer] as const)));
const roomOf = (file: string) => [...rank.keys()].filter((room) => file === room || file.startsWith(`${room}/`)).sort((a, b) => b.length - a.length)[0];
/** The player's code, which the toolkit must not import (it runs in the learner's browser, on top). */
const PLAYER_ONLY = ['src/tracking', 'src/interactive', 'src/quiz-ui', 'src/close', 'src/player', 'src/main.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'schemas' || name === 'package-schemas') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs|svelte)$/.test(name) ? [path] : [];
  });
}

const CANDIDATES = ['', '.ts', '.js', '.svelte', '.mjs', '/index.ts'];
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(ROOT, dirname(from), spec);
  for (const c of [base.replace(/\.js$/, '.ts'), ...CANDIDATES.map((e) => base + e)]) {
    if (existsSync(c) && statSync(c).isFile()) return relative(ROOT, c);
  }
  return null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null && !/\.(css|json|html)$/.test(f));
}

const files = [...sourceFiles('src'), ...sourceFiles('build')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the layers of src/ and build/', () => {
  it('every source file has a room', () => {
    expect(files.filter((f) => roomOf(f) === undefined)).toEqual([]);
  });

  it('no import climbs back up a layer or goes sideways to another room of its layer', () => {
    const climbs: string[] = [];
    for (const [file, imports] of graph) {
      const from = roomOf(file)!;
      for (const target of imports) {
        const to = roomOf(target);
        if (to === undefined || to === from) continue;
        if (rank.get(to)! >= rank.get(from)!) climbs.push(`${file} → ${target}`);
      }
    }
    expect(climbs).toEqual([]);
  });

  it('the toolkit never imports the player, its views or its trackers, nor any test code', () => {
    const wrong = [...graph].flatMap(([file, imports]) =>
      file.startsWith('build/') ? imports.filter((t) => t.startsWith('tests/') || PLAYER_ONLY.some((p) => t === p || t.startsWith(`${p}/`))).map((t) => `${file} → ${t}`) : []);
    expect(wrong).toEqual([]);
  });

  it('no file reaches itself through its imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('no import reaches into a package’s internals (its dist/ or src/ folders)', () => {
    const internal = files.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/from\s+['"]((?:@[^/'"]+\/)?[^./'"][^'"]*\/(?:dist|src|lib)\/[^'"]*)['"]/g)].map((m) => `${f}: ${m[1]}`));
    expect(internal).toEqual([]);
  });
});
