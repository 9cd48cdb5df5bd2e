// One origin for everything the first-control benchmark launches, the same for every format:
// - /pkg/<format>-<lang>/: each package's files exactly as its zip holds them (the web folder as
//   the build writes it), as plain files with no compression unless `gzip` is asked for;
// - /lms/lms.html and /scorm-again/: the project's test LMS page around scorm-again's real
//   Scorm12API / Scorm2004API, for the SCORM packages (its files are served, not imported);
// - /xAPI/ and /lms/fetch/: the test LRS and cmi5 launcher the preview LMS runs (build/harness/lrs/xapi-relay.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import type { XapiRelay } from '../harness/lrs/xapi-relay.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.xsd': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml']);

export interface PackageServer { url: string; close(): Promise<void> }

export interface PackageServerOptions {
  /** URL prefix (e.g. "/pkg/scorm12-en/") → folder. */
  folders: Record<string, string>;
  relay: XapiRelay;
  /** Answer with Content-Encoding: gzip, as a web server with mod_deflate would. */
  gzip: boolean;
}

/** Unpacks a zip into `dir` (emptied first) and returns `dir`. */
export function unpackZip(zip: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** The zip of one format and language in dist/<lang>/. */
export function zipOf(dist: string, lang: string, format: string): string {
  const name = readdirSync(join(dist, lang)).find((f) => f.endsWith(`-${lang}-${format}.zip`));
  if (!name) throw new Error(`no ${format} zip in ${join(dist, lang)}: build first`);
  return join(dist, lang, name);
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });

export async function startPackageServer(o: PackageServerOptions): Promise<PackageServer> {
  // Files are read once: the server's own disk reads should not vary between runs.
  const cache = new Map<string, { body: Buffer; gz: Buffer | null }>();
  const fileFor = (path: string): string | null => {
    const prefix = Object.keys(o.folders).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    if (!prefix) return null;
    const root = normalize(o.folders[prefix]);
    let file = normalize(join(root, decodeURIComponent(path.slice(prefix.length))));
    if (!file.startsWith(root)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : null;
  };

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      const body = readFileSync(file);
      entry = { body, gz: COMPRESSIBLE.has(extname(file)) ? gzipSync(body, { level: 6 }) : null };
      cache.set(file, entry);
    }
    const gz = o.gzip && entry.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gz ? entry.gz! : entry.body;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...(gz && { 'content-encoding': 'gzip', vary: 'accept-encoding' }),
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith('/xAPI/') || path.startsWith('/lms/fetch/') || path === '/lms/returned') {
        await o.relay.proxy(req, res, await readBody(req));
        return;
      }
      const file = fileFor(path);
      if (file) sendFile(req, res, file);
      else res.writeHead(404).end('not found');
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
