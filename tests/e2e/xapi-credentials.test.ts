// No package of a default build carries an LRS credential (docs/lms-admin.md, connecting an LRS): every file of
// every zip and of the web folder is scanned for the shapes a credential takes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../../build/harness/paths';
import { readZip } from '../../build/harness/packages';
import { xapiCredentialWarnings } from '../../build/xapi-credentials';

const CREDENTIAL_SHAPES: [string, RegExp][] = [
  ['an HTTP Basic credential', /Basic\s+[A-Za-z0-9+/]{12,}={0,2}/],
  ['a Bearer token', /Bearer\s+[A-Za-z0-9._~+/-]{16,}/],
  ['a user:password in a URL', /https?:\/\/[^\s/"'@:]+:[^\s/"'@]+@/],
  ['an "auth" value in data', /"auth"\s*:\s*"[^"]+"/],
  ['a cmi5 auth token', /"auth-token"\s*:\s*"[^"]+"/],
];

function packages(): Map<string, Map<string, Uint8Array>> {
  const out = new Map<string, Map<string, Uint8Array>>();
  for (const lang of readdirSync(DIST)) {
    const dir = join(DIST, lang);
    if (!statSync(dir).isDirectory() || lang.startsWith('.')) continue;
    if (lang === 'web') {
      const files = new Map<string, Uint8Array>();
      const walk = (d: string, rel: string) => {
        for (const n of readdirSync(d)) statSync(join(d, n)).isDirectory() ? walk(join(d, n), `${rel}${n}/`) : files.set(`${rel}${n}`, readFileSync(join(d, n)));
      };
      walk(dir, '');
      out.set('web', files);
      continue;
    }
    for (const z of readdirSync(dir).filter((f) => f.endsWith('.zip'))) out.set(z, readZip(join(dir, z)));
  }
  return out;
}

describe('credentials in packages', () => {
  it('the default course.json holds none, so the build has nothing to warn about', () => {
    const course = JSON.parse(readFileSync(join(ROOT, 'course', 'course.json'), 'utf8'));
    expect(course.xapi.auth ?? null).toBeNull();
    expect(xapiCredentialWarnings(course)).toEqual([]);
  });

  it('no file in any zip or in the web build contains a credential', () => {
    const found: string[] = [];
    const all = packages();
    expect(all.size).toBeGreaterThanOrEqual(8);
    for (const [pkg, files] of all) {
      for (const [name, data] of files) {
        if (!/\.(js|html|json|xml|css|txt|map)$/.test(name)) continue;
        const text = new TextDecoder().decode(data);
        for (const [what, re] of CREDENTIAL_SHAPES) {
          const m = re.exec(text);
          if (m) found.push(`${pkg}:${name}: ${what}: ${m[0].slice(0, 60)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
