// Where the rigs' two large sources (Moodle, Forma LMS) come from, and the check that each is the one
// pinned here. First the archive in LMS_SOURCE (default ../shared/lms beside the repository, when it
// exists): the project's own copy, whose file SHA-256 is pinned. Without it, the official download:
// its archive is not byte-stable, so what is pinned is the digest of the tree it unpacks to (treeDigest).
// Anything else is refused with both hashes; with no source at all, the message says what to do.
//
//   tsx tests/lms/rigs/sources.ts moodle|forma      prints the checked source for the rig's install.sh
//                                                   (the LMS_SOURCE archive, or the unpacked download)
//   tsx tests/lms/rigs/sources.ts digest DIR [--exclude PREFIX]   prints a tree's digest (to renew a pin)
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface SourcePin {
  name: string;
  /** The project's copy, inside LMS_SOURCE: SHA-256 of the file. */
  local: { path: string; sha256: string };
  /** The official download: SHA-256 of its unpacked tree (treeDigest), leaving out `exclude`. */
  download: { url: string; urlVariable: string; file: string; treeSha256: string; exclude: string[]; host: string };
}

export const PINS: Record<'moodle' | 'forma', SourcePin> = {
  moodle: {
    name: 'Moodle 4.3.0',
    // `git archive` of Moodle's 4.3.0 release commit (its pax header names fe7aff80…), unmodified.
    local: { path: 'moodle/moodle-4.3.0.tar.xz', sha256: '6e275628e80c4554ff57c56fca0092d23f2f2acb93bb39e7cb79229b2a39e946' },
    download: {
      // The same commit from Moodle's repository (the v4.3.0 release, Build 20231009). The tree digest was
      // computed from the local archive, which holds exactly that commit's tree.
      url: 'https://github.com/moodle/moodle/archive/fe7aff8093240cc373f1ddaa66ecb91c4bc0a09f.tar.gz',
      urlVariable: 'MOODLE_ARCHIVE_URL',
      host: 'github.com',
      file: 'moodle-4.3.0-fe7aff80.tar.gz',
      treeSha256: 'bcf6ff12386a13093430d8224eb04c4495fd3e8cd18f03b46626ad0e6da90b4d',
      exclude: [],
    },
  },
  forma: {
    name: 'Forma LMS 4.0.19',
    // Forma's source (formalms/formalms master at b8871be5, the merge of tag VER-4.0.19) with html/vendor
    // added from the packages html/composer.lock names (tests/lms/rigs/forma/README.md).
    local: { path: 'forma/formalms-4.0.19-vendored.tar.xz', sha256: '58f8b28a71d079a3fb22d8479e632a6b9070b92523ae7aa32ada28d6dd54cc25' },
    download: {
      // Forma's repository holds no html/vendor: the digest leaves it out, and install.sh then fetches the
      // PHP packages at the commits html/composer.lock pins (composer install; the lock is inside the tree).
      url: 'https://github.com/formalms/formalms/archive/refs/tags/VER-4.0.19.tar.gz',
      urlVariable: 'FORMA_ARCHIVE_URL',
      host: 'github.com',
      file: 'formalms-VER-4.0.19.tar.gz',
      treeSha256: 'caa3b84e9ed5bd6d7e850d38311aff1cb6bc082f15b8a5e4f9febf72d5f14580',
      exclude: ['html/vendor'],
    },
  },
};

/** A source that cannot be used, said for the terminal (the CLI prints it without a stack trace). */
export class SourceError extends Error {}

export interface Places {
  /** The folder holding the project's copies (LMS_SOURCE), or null when there is none. */
  source: string | null;
  /** Where downloads and their unpacked trees are kept (LMS_DOWNLOADS). */
  downloads: string;
  /** The download's address, when not the pinned one (a mirror). */
  url?: string;
  say?: (line: string) => void;
}

const PINS_FILE = 'tests/lms/rigs/sources.ts';

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * SHA-256 over one `sha256sum` line per regular file (`<hex>  <path>\n`), sorted by path bytes: the same as
 *   cd TREE && find . -type f [! -path './PREFIX/*'] -printf '%P\0' | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum
 * File modes, times and owners are left out, so any faithful archive of the tree (tar.gz, tar.xz) gives it.
 */
export function treeDigest(root: string, exclude: string[] = []): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      if (exclude.some((prefix) => rel === prefix || rel.startsWith(`${prefix}/`))) continue;
      // sha256sum escapes such names; the pinned trees hold none, so a tree that does is not theirs.
      if (/[\n\\]/.test(rel)) throw new SourceError(`${path}: a name with a newline or backslash, which the pinned trees hold none of`);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(rel);
      else throw new SourceError(`${path} is neither a file nor a folder (a link?), which the pinned trees hold none of`);
    }
  };
  walk(root);
  files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const all = createHash('sha256');
  for (const rel of files) all.update(`${createHash('sha256').update(readFileSync(join(root, rel))).digest('hex')}  ${rel}\n`);
  return all.digest('hex');
}

/** The path install.sh takes: the project's archive from LMS_SOURCE, or the unpacked official download. */
export async function obtainSource(pin: SourcePin, places: Places): Promise<string> {
  const say = places.say ?? ((line: string) => console.error(line));
  if (places.source) {
    const archive = resolve(places.source, pin.local.path);
    if (existsSync(archive)) {
      const actual = await fileSha256(archive);
      if (actual !== pin.local.sha256) {
        throw new SourceError(
          `${pin.name}: ${archive} is not the archive test:lms is pinned to, so it is refused.\n` +
            `  its SHA-256:     ${actual}\n` +
            `  pinned SHA-256:  ${pin.local.sha256}  (${PINS_FILE})\n` +
            `It is damaged (an interrupted copy?) or another file. Copy it again from the project's shared folder, or move it away ` +
            `to let the installer download ${pin.name} from ${places.url ?? pin.download.url} instead.`,
        );
      }
      say(`${pin.name}: ${archive} (SHA-256 as pinned)`);
      return archive;
    }
  }
  const url = places.url ?? pin.download.url;
  const file = join(places.downloads, pin.download.file);
  if (!existsSync(file)) {
    say(`${pin.name}: downloading ${url} to ${file}`);
    const failure = await download(url, file);
    if (failure) {
      const local = places.source
        ? `${resolve(places.source, pin.local.path)} does not exist (LMS_SOURCE=${places.source})`
        : 'LMS_SOURCE is not set, and there is no ../shared/lms beside the repository';
      throw new SourceError(
        `${pin.name}: no source to install it from.\n` +
          `  the project's archive: ${local}\n` +
          `  the official download: ${url}: ${failure}\n` +
          `Either set LMS_SOURCE to a folder holding ${pin.local.path} (the project's copy), or let this machine reach ${pin.download.host}, ` +
          `or download ${url} on another machine and put it at ${file}; then run npm run test:lms again.`,
      );
    }
  } else say(`${pin.name}: ${file} (downloaded before)`);
  const tree = join(places.downloads, pin.download.file.replace(/\.tar\.\w+$|\.tgz$/, ''));
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  try {
    execFileSync('tar', ['-xf', file, '-C', tree, '--no-same-owner'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    rmSync(tree, { recursive: true, force: true });
    throw new SourceError(`${pin.name}: ${file} does not unpack (${String((e as { stderr?: Buffer }).stderr ?? e).trim()}); delete it to download it again.`);
  }
  // GitHub's archives hold one top folder (<repo>-<ref>/): the tree is what is inside it.
  const top = readdirSync(tree);
  const root = top.length === 1 && lstatSync(join(tree, top[0])).isDirectory() ? join(tree, top[0]) : tree;
  const actual = treeDigest(root, pin.download.exclude);
  if (actual !== pin.download.treeSha256) {
    rmSync(tree, { recursive: true, force: true });
    throw new SourceError(
      `${pin.name}: ${file} (from ${url}) does not unpack to the pinned source tree, so it is refused.\n` +
        `  its tree digest:     ${actual}\n` +
        `  pinned tree digest:  ${pin.download.treeSha256}  (${PINS_FILE}: SHA-256 of the sorted sha256sum lines of every file` +
        `${pin.download.exclude.length ? `, leaving out ${pin.download.exclude.join(', ')}` : ''})\n` +
        `Delete ${file} to download it again; if it still differs, that address no longer serves the pinned release: use the project's archive (LMS_SOURCE) instead.`,
    );
  }
  say(`${pin.name}: ${root} (tree digest as pinned)`);
  return root;
}

/** Saves url to file; returns why it failed, or null. Nothing is left behind on failure. */
async function download(url: string, file: string): Promise<string | null> {
  mkdirSync(join(file, '..'), { recursive: true });
  const part = `${file}.part`;
  try {
    const res = await fetch(url, { redirect: 'follow' });
    if (!res.ok || !res.body) return `HTTP ${res.status} ${res.statusText}`;
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(part));
    renameSync(part, file);
    return null;
  } catch (e) {
    rmSync(part, { force: true });
    const cause = (e as { cause?: { message?: string } }).cause;
    return `cannot reach it (${cause?.message ?? (e as Error).message})`;
  }
}

export function placesFromEnv(pin: SourcePin): Places {
  const shared = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'lms');
  return {
    source: process.env.LMS_SOURCE || (existsSync(shared) ? shared : null),
    downloads: process.env.LMS_DOWNLOADS || '/var/cache/lms-rigs',
    url: process.env[pin.download.urlVariable] || undefined,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [what, dir] = process.argv.slice(2);
  try {
    if (what === 'digest' && dir) {
      const exclude = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--exclude' ? [a] : []));
      console.log(treeDigest(resolve(dir), exclude));
    } else if (what === 'moodle' || what === 'forma') {
      console.log(await obtainSource(PINS[what], placesFromEnv(PINS[what])));
    } else {
      console.error('usage: tsx tests/lms/rigs/sources.ts moodle|forma  |  digest DIR [--exclude PREFIX]');
      process.exit(2);
    }
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
