// How test:lms gets Moodle's and Forma's code (tests/lms/rigs/sources.ts), as a contributor meets it: the
// project's archive from LMS_SOURCE is refused when its SHA-256 is not the pinned one; with no archive and
// no reachable download host the message says what to do; a download is accepted only when the tree it
// unpacks to has the pinned digest, which is the documented sha256sum recipe. A local HTTP server stands
// in for GitHub (this machine cannot reach it); everything else is real: tar, the files, the messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileSha256, obtainSource, PINS, placesFromEnv, SourceError, treeDigest, type SourcePin } from '../../lms/rigs/sources';
import { ROOT } from '../../../build/harness/paths';

const SOURCES = join(ROOT, 'tests', 'lms', 'rigs', 'sources.ts');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

let work: string;
let host: Server;
let hostUrl: string;
const served = new Map<string, Buffer>();
const requests: string[] = [];

/** A port nothing listens on: a download host that cannot be reached. */
async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', () => done()));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

/** A .tar.gz as GitHub serves one: a single top folder <name>/ holding the tree. */
function githubStyleArchive(name: string, files: Record<string, string>): Buffer {
  const dir = mkdtempSync(join(work, 'archive-'));
  writeTree(join(dir, name), files);
  execFileSync('tar', ['-czf', join(dir, 'a.tar.gz'), '-C', dir, name]);
  return readFileSync(join(dir, 'a.tar.gz'));
}

/** Runs the CLI setup.sh runs (`tsx sources.ts moodle|forma`); not spawnSync, so the stand-in host can answer it. */
function cli(what: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [SOURCES, what], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}
const NO_STACK = /\n\s+at |SourceError|node:internal/;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lms-sources-'));
  host = createHttpServer((req, res) => {
    requests.push(req.url ?? '');
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', () => done()));
  hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => host.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

describe("the project's archive (LMS_SOURCE)", () => {
  for (const rig of ['moodle', 'forma'] as const) {
    it(`a damaged ${PINS[rig].local.path} is refused, naming the file and both SHA-256s, and nothing is downloaded instead`, async () => {
      const source = mkdtempSync(join(work, 'source-'));
      const downloads = join(work, `downloads-${rig}-damaged`);
      const archive = join(source, PINS[rig].local.path);
      mkdirSync(dirname(archive), { recursive: true });
      // An archive cut short by an interrupted copy: the xz magic, then nothing.
      const damaged = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]);
      writeFileSync(archive, damaged);
      const r = await cli(rig, { LMS_SOURCE: source, LMS_DOWNLOADS: downloads, [PINS[rig].download.urlVariable]: `${hostUrl}/never-asked.tar.gz` });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${PINS[rig].name}: ${archive} is not the archive test:lms is pinned to, so it is refused.`);
      expect(r.stderr).toContain(`its SHA-256:     ${sha256(damaged)}`);
      expect(r.stderr).toContain(`pinned SHA-256:  ${PINS[rig].local.sha256}`);
      expect(r.stderr).toContain('Copy it again');
      expect(r.stderr).not.toMatch(NO_STACK);
      expect(r.stdout).toBe('');
      expect(requests).not.toContain('/never-asked.tar.gz');
      expect(existsSync(downloads)).toBe(false);
    });
  }

  // CI installs from ../shared/lms, and reads an archive only when a rig is not installed yet: check the pins here.
  const shared = placesFromEnv(PINS.moodle).source;
  it.skipIf(!shared)("the project's archives beside this checkout are the pinned ones", async () => {
    for (const pin of Object.values(PINS)) expect(await fileSha256(join(shared!, pin.local.path)), pin.local.path).toBe(pin.local.sha256);
  });

  it('an archive with the pinned SHA-256 is handed to install.sh as it is', async () => {
    const source = mkdtempSync(join(work, 'source-'));
    writeTree(source, { 'moodle/moodle.tar.xz': 'stand-in archive bytes' });
    const pin: SourcePin = { ...PINS.moodle, local: { path: 'moodle/moodle.tar.xz', sha256: sha256('stand-in archive bytes') } };
    const said: string[] = [];
    expect(await obtainSource(pin, { source, downloads: join(work, 'unused'), say: (l) => said.push(l) })).toBe(join(source, 'moodle/moodle.tar.xz'));
    expect(said.join('\n')).toContain('(SHA-256 as pinned)');
  });
});

describe('the official download', () => {
  it('with no archive in LMS_SOURCE and the download host unreachable, the message names both and says what to do', async () => {
    const source = mkdtempSync(join(work, 'empty-source-'));
    const downloads = join(work, 'downloads-unreachable');
    const url = `http://127.0.0.1:${await closedPort()}/moodle.tar.gz`;
    const r = await cli('moodle', { LMS_SOURCE: source, LMS_DOWNLOADS: downloads, MOODLE_ARCHIVE_URL: url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Moodle 4.3.0: no source to install it from.');
    expect(r.stderr).toContain(`the project's archive: ${join(source, 'moodle/moodle-4.3.0.tar.xz')} does not exist (LMS_SOURCE=${source})`);
    expect(r.stderr).toMatch(new RegExp(`the official download: ${url.replace(/\./g, '\\.')}: cannot reach it \\(.*ECONNREFUSED`));
    expect(r.stderr).toContain(`Either set LMS_SOURCE to a folder holding moodle/moodle-4.3.0.tar.xz (the project's copy), or let this machine reach github.com, or download ${url} on another machine and put it at ${join(downloads, PINS.moodle.download.file)}`);
    expect(r.stderr).not.toMatch(NO_STACK);
    // No half-written file is left to be taken for the archive next time.
    expect(readdirSync(downloads)).toEqual([]);
  });

  it('a download that does not unpack to the pinned tree is refused, naming the address, the file and both digests', async () => {
    const downloads = join(work, 'downloads-other-tree');
    served.set('/forma-other.tar.gz', githubStyleArchive('formalms-VER-4.0.19', { 'html/index.php': '<?php // not Forma', 'html/vendor/x.php': '' }));
    const url = `${hostUrl}/forma-other.tar.gz`;
    const r = await cli('forma', { LMS_SOURCE: mkdtempSync(join(work, 'empty-source-')), LMS_DOWNLOADS: downloads, FORMA_ARCHIVE_URL: url });
    expect(r.code).toBe(1);
    const file = join(downloads, PINS.forma.download.file);
    const tree = mkdtempSync(join(work, 'expected-'));
    writeTree(tree, { 'html/index.php': '<?php // not Forma' });
    expect(r.stderr).toContain(`Forma LMS 4.0.19: ${file} (from ${url}) does not unpack to the pinned source tree, so it is refused.`);
    expect(r.stderr).toContain(`its tree digest:     ${treeDigest(tree)}`);
    expect(r.stderr).toContain(`pinned tree digest:  ${PINS.forma.download.treeSha256}`);
    expect(r.stderr).toContain('leaving out html/vendor');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stdout).toBe('');
    // The refused tree is not left where install.sh could be pointed at it.
    expect(readdirSync(downloads)).toEqual([PINS.forma.download.file]);
  });

  it('a download whose tree has the pinned digest is unpacked and its tree handed to install.sh; the next run asks the host nothing', async () => {
    const files = { 'version.php': "<?php $release = '4.3';", 'mod/scorm/player.php': '<?php // player', 'lib/a b é.txt': 'x' };
    const tree = mkdtempSync(join(work, 'pinned-'));
    writeTree(tree, files);
    served.set('/moodle-good.tar.gz', githubStyleArchive('moodle-fe7aff80', files));
    const pin: SourcePin = { ...PINS.moodle, download: { ...PINS.moodle.download, url: `${hostUrl}/moodle-good.tar.gz`, treeSha256: treeDigest(tree) } };
    const downloads = join(work, 'downloads-good');
    const places = { source: mkdtempSync(join(work, 'empty-source-')), downloads, say: () => undefined };
    const root = await obtainSource(pin, places);
    expect(readFileSync(join(root, 'mod/scorm/player.php'), 'utf8')).toBe('<?php // player');
    expect(existsSync(join(root, 'version.php'))).toBe(true);
    const asked = requests.filter((r) => r === '/moodle-good.tar.gz').length;
    expect(await obtainSource(pin, places)).toBe(root);
    expect(requests.filter((r) => r === '/moodle-good.tar.gz').length).toBe(asked);
  });
});

describe('the tree digest', () => {
  it('is the documented recipe: find | LC_ALL=C sort | sha256sum lines | sha256sum, with the excluded folder left out', () => {
    const tree = mkdtempSync(join(work, 'recipe-'));
    writeTree(tree, {
      'index.php': 'a', 'B.php': 'b', 'html/index.php': 'c', 'html/vendor/autoload.php': 'vendor', 'html/vendorish.php': 'd',
      'lib/a b é.txt': 'e', 'lib/z/deep.js': 'f', '.gitignore': 'g', 'empty': '',
    });
    const shell = execFileSync('bash', ['-c', `cd "$1" && find . -type f ! -path './html/vendor/*' -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum`, '_', tree], { encoding: 'utf8' });
    expect(treeDigest(tree, ['html/vendor'])).toBe(shell.split(' ')[0]);
  });

  it('changes with one byte of one file, and not with file modes or times', () => {
    const tree = mkdtempSync(join(work, 'sensitive-'));
    writeTree(tree, { 'a/b.php': 'hello', 'c.txt': 'world' });
    const before = treeDigest(tree);
    chmodSync(join(tree, 'c.txt'), 0o755);
    utimesSync(join(tree, 'a/b.php'), new Date(0), new Date(0));
    expect(treeDigest(tree)).toBe(before);
    writeFileSync(join(tree, 'a/b.php'), 'hellp');
    expect(treeDigest(tree)).not.toBe(before);
  });

  it('refuses a tree holding a link, which no pinned tree holds', () => {
    const tree = mkdtempSync(join(work, 'link-'));
    writeTree(tree, { 'a.php': 'a' });
    execFileSync('ln', ['-s', 'a.php', join(tree, 'b.php')]);
    expect(() => treeDigest(tree)).toThrow(SourceError);
  });
});
