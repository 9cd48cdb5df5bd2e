// `npm run dev`: the course inside a preview LMS. Builds the chosen format and language on demand,
// serves a page that launches it under scorm-again's SCORM 1.2 or 2004 API, a cmi5-like launch
// against the in-process test LRS, or standalone, logs every API call and xAPI statement, and
// rebuilds and reloads when a file under course/ or modules/ changes.
//
//   npm run dev [-- [content-root] [--port 5173] [--lang en]]      (or PORT=5173 npm run dev)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DevBuilds, DEV_FORMATS, type BuildResult, type DevFormat } from './dev-builds.js';
import { watchContent } from './watch-content.js';
import { XapiRelay } from '../harness/lrs/xapi-relay.js';
import { readBody } from '../harness/static-server.js';

const TOOLKIT = resolve(import.meta.dirname, '..', '..');
const PREVIEW = join(import.meta.dirname, 'preview');
const SCORM_AGAIN = join(TOOLKIT, 'node_modules', 'scorm-again', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2',
};

export interface DevServerOptions {
  root: string;
  /** Given by the user (--port, PORT): a busy one is an error. Left out: from 5173, the first free one. */
  port?: number;
  lang?: string;
  log?: (line: string) => void;
}
export interface DevServer { url: string; close(): Promise<void> }

/** Why the preview could not start, in words for the terminal (the CLI prints it without a stack trace). */
export class PreviewStartError extends Error {}

const DEFAULT_PORT = 5173;
/** Without an explicit port, this many ports from 5173 on are tried, as Vite does, before giving up. */
const PORTS_TO_TRY = 10;

export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  const log = o.log ?? ((line: string) => console.log(line));
  const outDir = mkdtempSync(join(tmpdir(), 'balint-dev-'));
  const builds = new DevBuilds(o.root, outDir);
  const clients = new Set<ServerResponse>();
  const recent = new Map<string, { format: DevFormat; lang: string }>();
  const xapi = new XapiRelay((event) => broadcast('xapi', event));

  const broadcast = (type: string, data: unknown) => {
    for (const c of clients) c.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const report = (r: BuildResult) => {
    if (r.ok) log(`built ${r.format}-${r.lang} in ${r.ms} ms`);
    else {
      log(`\n${r.problems.length} problem(s) in the course content (${r.format}-${r.lang} not rebuilt):`);
      for (const p of r.problems) log(`  ${p}`);
    }
  };
  const publicBuild = (r: BuildResult) => ({ format: r.format, lang: r.lang, ok: r.ok, problems: r.problems, ms: r.ms, version: r.version, launch: r.dir ? `/pkg/${r.format}-${r.lang}/index.html` : null });

  const stopWatching = watchContent(o.root, (files) => {
    log(`changed: ${files.join(', ')}`);
    builds.invalidate();
    // Rebuild what the open preview pages show, then tell them to relaunch.
    void Promise.all([...recent.values()].map(async ({ format, lang }) => {
      const r = await builds.get(format, lang as never);
      report(r);
      broadcast('rebuilt', { ...publicBuild(r), changed: files });
    }));
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`error serving ${req.url}: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/') return sendFile(res, join(PREVIEW, 'index.html'));
    if (path.startsWith('/preview/')) return sendFile(res, safeJoin(PREVIEW, path.slice('/preview/'.length)));
    if (path.startsWith('/scorm-again/')) return sendFile(res, safeJoin(SCORM_AGAIN, path.slice('/scorm-again/'.length)));
    if (path === '/harness/scorm-lms.js') return sendFile(res, join(TOOLKIT, 'build', 'harness', 'lms', 'scorm-lms.js'));
    if (path === '/dev/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: hello\ndata: {}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '/dev/build') {
      const format = url.searchParams.get('format') as DevFormat;
      const lang = url.searchParams.get('lang') ?? o.lang ?? 'en';
      if (!DEV_FORMATS.includes(format) || !builds.isLang(lang)) return sendJson(res, 400, { error: 'unknown format or language' });
      recent.set(`${format}-${lang}`, { format, lang });
      const before = builds.get(format, lang);
      const r = await before;
      report(r);
      return sendJson(res, 200, publicBuild(r));
    }
    if (path === '/dev/cmi5/launch' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)).toString() || '{}') as Record<string, unknown>;
      const lang = String(body.lang ?? 'en');
      const r = await builds.get('cmi5', builds.isLang(lang) ? lang : 'en');
      if (!r.dir) return sendJson(res, 409, { error: 'the cmi5 build has content problems', problems: r.problems });
      const origin = `http://${req.headers.host}`;
      // The AU id cmi5.xml gives the course (build/manifests.ts): the course IRI + /au.
      const iri = (JSON.parse(readFileSync(join(o.root, 'course', 'course.json'), 'utf8')) as { iri: string }).iri;
      return sendJson(res, 200, await xapi.launch(origin, `/pkg/cmi5-${r.lang}/`, { ...body, activityId: `${iri}/au` }));
    }
    const pkg = /^\/pkg\/([a-z0-9]+)-([a-z]{2})\/(.*)$/.exec(path);
    if (pkg) {
      const have = builds.isLang(pkg[2]) && DEV_FORMATS.includes(pkg[1] as DevFormat) ? await builds.get(pkg[1] as DevFormat, pkg[2] as never) : null;
      if (!have?.dir) return void res.writeHead(404).end('not built');
      // The package's own CSP travels in its index.html meta tag, as in the zips.
      return sendFile(res, safeJoin(have.dir, pkg[3] || 'index.html'), { 'cache-control': 'no-store' });
    }
    if (path.startsWith('/xAPI/') || path.startsWith('/lms/')) return xapi.proxy(req, res, await readBody(req));
    res.writeHead(404).end('not found');
  }

  try {
    await listenOnFreePort(server, o.port, log);
  } catch (e) {
    stopWatching();
    // Not awaited: the relay's LRS may still be starting, and the message should not wait for it.
    void xapi.close();
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 15_000);
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      clearInterval(heartbeat);
      stopWatching();
      for (const c of clients) c.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await xapi.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

function listenOn(server: Server, port: number): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
}

async function listenOnFreePort(server: Server, explicit: number | undefined, log: (line: string) => void): Promise<void> {
  const first = explicit ?? DEFAULT_PORT;
  for (let port = first; ; port++) {
    try {
      await listenOn(server, port);
      const busy = port - first > 1 ? `ports ${first} to ${port - 1} on 127.0.0.1 are` : `port ${first} on 127.0.0.1 is`;
      if (port !== first) log(`${busy} in use (another preview?): using ${port}`);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE') throw new PreviewStartError(`cannot open the preview on 127.0.0.1:${port}: ${(e as Error).message}`);
      if (explicit !== undefined) {
        throw new PreviewStartError(
          `port ${port} on 127.0.0.1 is already in use (another \`npm run dev\` preview, or another program, is listening there).\n` +
            `Stop that one (Ctrl+C in its terminal), or start this one on another port: npm run dev -- --port ${port + 1} ` +
            `(or PORT=${port + 1} npm run dev), or leave the port out to take the next free one from ${DEFAULT_PORT}.`,
        );
      }
      if (port + 1 - first >= PORTS_TO_TRY) {
        throw new PreviewStartError(`ports ${first} to ${port} on 127.0.0.1 are all in use (other previews, or other programs). Stop one, or name a free port: npm run dev -- --port N (0 = any free port).`);
      }
    }
  }
}

function safeJoin(dir: string, rel: string): string {
  const file = normalize(join(dir, decodeURIComponent(rel)));
  return file.startsWith(normalize(dir)) ? file : join(dir, '__outside__');
}

function sendFile(res: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
  res.end(readFileSync(file));
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}


function portNumber(text: string, from: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new PreviewStartError(`${from} needs a port number from 0 to 65535, not "${text}"`);
  return port;
}

function parseArgs(argv: string[]): DevServerOptions {
  const o: DevServerOptions = { root: TOOLKIT };
  if (process.env.PORT) o.port = portNumber(process.env.PORT, 'PORT');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') o.port = portNumber(argv[++i] ?? '', '--port');
    else if (a === '--lang') o.lang = argv[++i];
    else if (!a.startsWith('--')) o.root = resolve(a);
  }
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  // Packages are production builds, as in `npm run build`.
  process.env.NODE_ENV = 'production';
  let options: DevServerOptions;
  let dev: DevServer;
  try {
    options = parseArgs(process.argv.slice(2));
    dev = await startDevServer(options);
  } catch (e) {
    if (!(e instanceof PreviewStartError)) throw e;
    console.error(`npm run dev: ${e.message}`);
    process.exit(1);
  }
  const lang = options.lang ?? 'en';
  console.log(`Preview LMS: ${dev.url}/?lang=${lang}  (content from ${options.root}; Ctrl+C to stop)`);
  const stop = () => void dev.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
