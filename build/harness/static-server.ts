// A plain static file server on loopback, for the web build and unpacked zips.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.xsd': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
};

export interface StaticServer { url: string; close(): Promise<void> }

/** A request's whole body. */
export const readBody = (req: import('node:http').IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Serves `routes` (URL prefix → folder); extra handlers can answer first (e.g. an LMS page). */
export async function serveStatic(routes: Record<string, string>, handle?: (url: URL, res: import('node:http').ServerResponse) => boolean): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (handle?.(url, res)) return;
    const prefix = Object.keys(routes).sort((a, b) => b.length - a.length).find((p) => url.pathname.startsWith(p));
    if (prefix === undefined) { res.writeHead(404).end(); return; }
    let file = normalize(join(routes[prefix], decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!file.startsWith(normalize(routes[prefix]))) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
